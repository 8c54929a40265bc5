package org.radlens.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.radlens.dicomio.ImageInfo;
import org.radlens.dicomio.ReadFailures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code radlens info FILE...}: one JSON object describing a DICOM file or series folder, NIfTI, PNG or JPEG; with
 * several files, a JSON array of the objects of those that could be read. Each file that cannot be read gets one line
 * on stderr naming it and saying why, the others go on; exit 1 when any failed.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print dimensions, spacing, orientation, modality, transfer syntax and value range as JSON.")
public final class InfoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "DICOM files or series folders, NIfTI, PNG or JPEG")
    List<Path> files;

    @Override
    public Integer call() {
        Gson gson = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();
        JsonArray all = new JsonArray();
        int failed = 0;
        for (Path file : files) {
            try {
                all.add(gson.toJsonTree(ImageInfo.describe(file)));
            } catch (Exception e) { // the batch's one catch-all: this file fails, the others go on
                failed++;
                String msg = ReadFailures.describe(e);
                System.err.println("radlens info: " + (msg.startsWith(file.toString()) ? msg : file + ": " + msg));
            }
        }
        if (files.size() == 1 && all.size() == 1) {
            System.out.println(gson.toJson(all.get(0)));
        } else if (files.size() > 1) {
            System.out.println(gson.toJson(all));
        }
        return failed == 0 ? 0 : 1;
    }
}
