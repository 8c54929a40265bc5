package org.radlens.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.Volume;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one piece of work per image, turning an image's failure into an error row and going on. Prints a text table
 * (tab-separated, one header) or a JSON array, one object per image.
 */
final class ImageBatch {
    /** What a command does with one image: a JSON object and the text rows for it. */
    interface Work {
        Result run(Path file, Image2D image) throws Exception;
    }

    /** What a command does with one volume (DICOM series folder, NIfTI file). */
    interface VolumeWork {
        Result run(Path file, Volume volume) throws Exception;
    }

    /** One image's JSON (without the "image" member, which the batch adds) and text rows. */
    record Result(JsonObject json, List<List<String>> rows) {
    }

    private ImageBatch() {
    }

    /** Returns the exit code: 0 when every image worked, 1 otherwise. */
    static int run(List<Path> files, ImageSource source, Work work, boolean json, List<String> header,
                   PrintWriter out, PrintWriter err) {
        return run(files, source, work, null, json, header, out, err);
    }

    /** As above; inputs that {@link VolumeInputs#isVolume} accepts go to {@code volumeWork} when it is not null. */
    static int run(List<Path> files, ImageSource source, Work work, VolumeWork volumeWork, boolean json,
                   List<String> header, PrintWriter out, PrintWriter err) {
        JsonArray all = new JsonArray();
        List<List<String>> rows = new ArrayList<>();
        int failed = 0;
        for (Path f : files) {
            JsonObject o = new JsonObject();
            o.addProperty("image", f.toString());
            try {
                Result r = volumeWork != null && VolumeInputs.isVolume(f) ? volumeWork.run(f, VolumeInputs.read(f))
                        : work.run(f, source.read(f));
                r.json().entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
                for (List<String> row : r.rows()) {
                    List<String> full = new ArrayList<>(List.of(f.toString()));
                    full.addAll(row);
                    rows.add(full);
                }
            } catch (Exception e) { // the batch's one catch-all: this image fails, the others go on
                failed++;
                String msg = e.getMessage() != null ? e.getMessage() : e.toString();
                o.addProperty("error", msg);
                rows.add(List.of(f.toString(), "ERROR: " + msg));
                err.println(msg.startsWith(f.toString()) ? msg : f + ": " + msg); // our exceptions name the file
            }
            all.add(o);
        }
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create()
                    .toJson(all));
        } else {
            List<String> head = new ArrayList<>(List.of("image"));
            head.addAll(header);
            out.println(String.join("\t", head));
            rows.forEach(r -> out.println(String.join("\t", r)));
        }
        out.flush();
        err.flush();
        return failed == 0 ? 0 : 1;
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
