package org.radlens.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.radlens.dicomio.InputFacts;
import org.radlens.dicomio.ReadFailures;
import org.radlens.dicomio.scope.Scope;
import org.radlens.dicomio.scope.ScopeGate;
import org.radlens.models.RadLensModel;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.pipeline.InputGates;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.Volume;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one piece of work per input, turning an input's failure into an error row and going on. Every input passes
 * the input gate first: volumes (NIfTI, DICOM series folders, multi-frame CT/MR) go to the volume work; a 2D input the
 * header gate refuses (a CT or MR slice, an SR, …) gets a {@code REFUSED} row and its message, nothing else; a scored
 * image carries {@code input_scope} ({@code in_scope} or {@code flagged:<reasons>}, header and embedding gate).
 * Prints a text table (tab-separated, one header; an {@code input_scope} column last when any input was flagged or
 * refused) or a JSON array, one object per input, each with {@code input_scope}. Flags and refusals are also written
 * to the error stream.
 * Exit code 0 when every input was scored, 1 otherwise (refused inputs included).
 */
final class ImageBatch {
    /** What a command does with one image and its embedding: a JSON object and the text rows for it. */
    interface Work {
        Result run(Path file, Image2D image, ImageEmbedding embedding) throws Exception;
    }

    /** What a command does with one volume (DICOM series folder, NIfTI file). */
    interface VolumeWork {
        Result run(Path file, Volume volume) throws Exception;
    }

    /** One image's JSON (without the "image" member, which the batch adds) and text rows. */
    record Result(JsonObject json, List<List<String>> rows) {
    }

    /** The model that encodes images and the header gate ({@code --modality}) in front of it. */
    record Gate(RadLensModel model, ScopeGate header) {
    }

    private ImageBatch() {
    }

    /** Returns the exit code: 0 when every input was scored, 1 otherwise. */
    static int run(List<Path> files, ImageSource source, Gate gate, Work work, VolumeWork volumeWork, boolean json,
                   List<String> header, PrintWriter out, PrintWriter err) {
        JsonArray all = new JsonArray();
        List<List<String>> rows = new ArrayList<>();
        int notScored = 0;
        boolean anyOutOfScope = false;
        for (Path f : files) {
            JsonObject o = new JsonObject();
            o.addProperty("image", f.toString());
            try {
                notScored += one(f, source, gate, work, volumeWork, o, rows, err) ? 0 : 1;
            } catch (Exception e) { // the batch's one catch-all: this image fails, the others go on
                notScored++;
                String msg = ReadFailures.describe(e);
                o.addProperty("error", msg);
                rows.add(List.of(f.toString(), "ERROR: " + msg));
                err.println(msg.startsWith(f.toString()) ? msg : f + ": " + msg); // our exceptions name the file
            }
            all.add(o);
            anyOutOfScope |= o.has("input_scope") && !"in_scope".equals(o.get("input_scope").getAsString());
        }
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create()
                    .toJson(all));
        } else {
            List<String> head = new ArrayList<>(List.of("image"));
            head.addAll(header);
            if (anyOutOfScope) {
                head.add("input_scope");
            }
            out.println(String.join("\t", head));
            for (List<String> r : rows) { // the last cell of a row is its scope
                out.println(String.join("\t", anyOutOfScope || r.size() <= 2 ? r : r.subList(0, r.size() - 1)));
            }
        }
        out.flush();
        err.flush();
        return notScored == 0 ? 0 : 1;
    }

    /** Gates and runs one input into {@code o} and {@code rows}; false when the gate refused it. */
    private static boolean one(Path f, ImageSource source, Gate gate, Work work, VolumeWork volumeWork,
                               JsonObject o, List<List<String>> rows, PrintWriter err) throws Exception {
        InputFacts facts = InputFacts.read(f);
        if (volumeWork != null && (VolumeInputs.isVolume(f) || facts.isVolume())) {
            add(f, volumeWork.run(f, VolumeInputs.read(f)), "", o, rows);
            return true;
        }
        Scope scope = gate.header().check(facts, f.toString());
        if (scope.refused()) {
            o.addProperty("input_scope", scope.label());
            o.addProperty("message", scope.message());
            rows.add(List.of(f.toString(), "REFUSED: " + scope.message(), scope.label()));
            err.println(scope.message());
            return false;
        }
        Image2D image = source.read(f);
        ImageEmbedding e = gate.model().imageEncoder().encode(image);
        scope = InputGates.withEmbedding(gate.model(), scope, e);
        o.addProperty("input_scope", scope.label());
        if (scope.flagged()) {
            o.addProperty("scope_note", scope.message());
            err.println(f + ": " + scope.label() + ": " + scope.message());
        }
        add(f, work.run(f, image, e), scope.label(), o, rows);
        return true;
    }

    private static void add(Path f, Result r, String scope, JsonObject o, List<List<String>> rows) {
        r.json().entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
        for (List<String> row : r.rows()) {
            List<String> full = new ArrayList<>(List.of(f.toString()));
            full.addAll(row);
            full.add(scope);
            rows.add(full);
        }
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
