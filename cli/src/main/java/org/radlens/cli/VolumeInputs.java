package org.radlens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.radlens.dicomio.ImageFiles;
import org.radlens.dicomio.ImageReadException;
import org.radlens.volume3d.Volume;

/**
 * Which command-line inputs are volumes: a folder (a DICOM series) or a NIfTI file ({@code .nii}, {@code .nii.gz},
 * {@code .hdr}). They are read by dicom-io ({@link ImageFiles#readVolume}) with their geometry; everything else
 * stays a 2D image.
 */
final class VolumeInputs {
    private VolumeInputs() {
    }

    static boolean isVolume(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isDirectory(p) || n.endsWith(".nii") || n.endsWith(".nii.gz") || n.endsWith(".hdr");
    }

    static Volume read(Path p) throws ImageReadException {
        return ImageFiles.readVolume(p);
    }

    /** File name without {@code .nii.gz}, {@code .nii}, {@code .hdr} (folders keep their name). */
    static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.replaceFirst("(?i)(\\.nii\\.gz|\\.nii|\\.hdr)$", "");
    }
}
