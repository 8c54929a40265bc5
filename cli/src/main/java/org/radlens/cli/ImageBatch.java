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
import java.util.Objects;

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

    /** A command's work: how it reads 2D images, its gate, what it does with an image and with a volume. */
    record Job(ImageSource source, Gate gate, Work work, VolumeWork volumeWork) {
        Job {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(gate, "gate");
            Objects.requireNonNull(work, "work");
            Objects.requireNonNull(volumeWork, "volumeWork");
        }
    }

    /** How results are printed: a JSON array, or a text table whose columns after "image" are {@code header}. */
    record Output(boolean json, List<String> header, PrintWriter out, PrintWriter err) {
    }

    private ImageBatch() {
    }

    /** Returns the exit code: 0 when every input was scored, 1 otherwise. */
    static int run(List<Path> files, Job job, Output output) {
        PrintWriter err = output.err();
        JsonArray all = new JsonArray();
        List<List<String>> rows = new ArrayList<>();
        int notScored = 0;
        boolean anyOutOfScope = false;
        for (Path f : files) {
            JsonObject o = new JsonObject();
            o.addProperty("image", f.toString());
            try {
                notScored += one(f, job, o, rows, err) ? 0 : 1;
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
        print(all, rows, anyOutOfScope, output);
        return notScored == 0 ? 0 : 1;
    }

    private static void print(JsonArray all, List<List<String>> rows, boolean anyOutOfScope, Output output) {
        PrintWriter out = output.out();
        if (output.json()) {
            out.println(new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create()
                    .toJson(all));
        } else {
            List<String> head = new ArrayList<>(List.of("image"));
            head.addAll(output.header());
            if (anyOutOfScope) {
                head.add("input_scope");
            }
            out.println(String.join("\t", head));
            for (List<String> r : rows) { // the last cell of a row is its scope
                out.println(String.join("\t", anyOutOfScope || r.size() <= 2 ? r : r.subList(0, r.size() - 1)));
            }
        }
        out.flush();
        output.err().flush();
    }

    /** Gates and runs one input into {@code o} and {@code rows}; false when the gate refused it. */
    private static boolean one(Path f, Job job, JsonObject o, List<List<String>> rows, PrintWriter err)
            throws Exception {
        InputFacts facts = InputFacts.read(f);
        if (VolumeInputs.isVolume(f) || facts.isVolume()) {
            add(f, job.volumeWork().run(f, VolumeInputs.read(f)), "", o, rows);
            return true;
        }
        Scope scope = job.gate().header().check(facts, f.toString());
        if (scope.refused()) {
            o.addProperty("input_scope", scope.label());
            o.addProperty("message", scope.message());
            rows.add(List.of(f.toString(), "REFUSED: " + scope.message(), scope.label()));
            err.println(scope.message());
            return false;
        }
        InputGates.Encoded in = InputGates.encode(job.gate().model(), scope, job.source().read(f));
        scope = in.scope();
        o.addProperty("input_scope", scope.label());
        if (scope.flagged()) {
            o.addProperty("scope_note", scope.message());
            err.println(f + ": " + scope.label() + ": " + scope.message());
        }
        add(f, job.work().run(f, in.image(), in.embedding()), scope.label(), o, rows);
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
