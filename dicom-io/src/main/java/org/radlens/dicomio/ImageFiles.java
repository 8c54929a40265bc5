package org.radlens.dicomio;

import java.nio.file.Path;
import org.radlens.dicomio.nifti.NiftiReader;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.Volumes;

/**
 * Reads any supported input, format detected by content ({@link ImageFormat#detect(Path)}): DICOM file, DICOM
 * series folder, NIfTI-1/-2 ({@code .nii}, {@code .nii.gz}, {@code .hdr}), PNG, JPEG. The entry point for the CLI,
 * models and the Fiji plugin.
 *
 * <pre>{@code
 * Image2D img = ImageFiles.readImage2D(Path.of("cxr.dcm"));  // also .png, .jpg, .nii.gz (middle slice), folders
 * Volume vol = ImageFiles.readVolume(Path.of("ct-folder"));  // also multi-frame DICOM, .nii(.gz), .hdr
 * }</pre>
 */
public final class ImageFiles {
    private ImageFiles() {
    }

    /**
     * A 2D image. Rule: a DICOM file gives its first frame (colour kept as RGB); PNG/JPEG give their raw samples;
     * a volume (NIfTI, DICOM folder) gives its middle slice {@code nz / 2}.
     *
     * @throws UnsupportedFormatException for unknown formats and undecodable transfer syntaxes
     * @throws ImageReadException         for unreadable, corrupt or geometrically inconsistent input
     */
    public static Image2D readImage2D(Path path) throws ImageReadException {
        return switch (ImageFormat.detect(path)) {
            case DICOM -> DicomReader.readImage(path);
            case PNG, JPEG -> RasterImages.read(path);
            case NIFTI, NIFTI_GZ, NIFTI_PAIR, FOLDER -> Volumes.middleSlice(readVolume(path));
            case UNKNOWN -> throw unknown(path);
        };
    }

    /**
     * A 3D volume: a DICOM series folder ({@link DicomSeries}), a (multi-frame) DICOM file ({@link DicomReader}),
     * NIfTI (first volume of 4D files), or a 2D image as a one-slice volume (grey only).
     */
    public static Volume readVolume(Path path) throws ImageReadException {
        return switch (ImageFormat.detect(path)) {
            case FOLDER -> DicomSeries.readVolume(path);
            case DICOM -> DicomReader.readVolume(path);
            case NIFTI, NIFTI_GZ, NIFTI_PAIR -> NiftiReader.readVolume(path);
            case PNG, JPEG -> oneSlice(path, RasterImages.read(path));
            case UNKNOWN -> throw unknown(path);
        };
    }

    private static Volume oneSlice(Path path, Image2D img) throws UnsupportedFormatException {
        if (img.channels() != 1) {
            throw new UnsupportedFormatException(path, "", "colour images cannot form a volume");
        }
        return Volumes.stack(java.util.List.of(img));
    }

    private static UnsupportedFormatException unknown(Path path) {
        return new UnsupportedFormatException(path, "", "unknown format (not DICOM, NIfTI, PNG or JPEG by content)");
    }
}
