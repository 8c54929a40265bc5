package org.radlens.cli;

import com.google.gson.GsonBuilder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radlens.dicomio.ImageInfo;
import org.radlens.dicomio.ImageReadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code radlens info FILE}: one JSON object describing a DICOM file or series folder, NIfTI, PNG or JPEG. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print dimensions, spacing, orientation, modality, transfer syntax and value range as JSON.")
public final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "DICOM file or series folder, NIfTI, PNG or JPEG")
    Path file;

    @Override
    public Integer call() {
        try {
            ImageInfo info = ImageInfo.describe(file);
            System.out.println(new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
                    .create().toJson(info));
            return 0;
        } catch (ImageReadException e) {
            System.err.println("radlens info: " + e.getMessage());
            return 1;
        }
    }
}
