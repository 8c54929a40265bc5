package org.radlens.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import org.radlens.dicomio.ImageFiles;
import org.radlens.dicomio.ImageFormat;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.nifti.NiftiWriter;
import org.radlens.volume3d.Reorientation;
import org.radlens.volume3d.Volume;

/**
 * {@code radlens convert IN OUT.nii.gz}: a DICOM file, series folder or NIfTI to NIfTI-1. DICOM rows are flipped to
 * NIfTI's bottom-up order as dcm2niix does, so nibabel reports the same affine as for dcm2niix output.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a DICOM file, DICOM series folder or NIfTI to NIfTI (.nii, .nii.gz or .hdr/.img).")
public final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "DICOM file or series folder, or NIfTI")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "output .nii, .nii.gz or .hdr")
    Path out;

    @Override
    public Integer call() {
        try {
            ImageFormat f = ImageFormat.detect(in);
            Volume v = ImageFiles.readVolume(in);
            if (f == ImageFormat.DICOM || f == ImageFormat.FOLDER) {
                v = Reorientation.flip(v, 1);
            }
            NiftiWriter.write(v, out);
            System.out.printf("%s: %dx%dx%d %s -> %s%n", in.getFileName(), v.nx(), v.ny(), v.nz(),
                    Reorientation.axisLetters(v.geometry()), out);
            return 0;
        } catch (ImageReadException e) {
            System.err.println("radlens convert: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("radlens convert: cannot write " + out + ": " + e.getMessage());
            return 1;
        }
    }
}
