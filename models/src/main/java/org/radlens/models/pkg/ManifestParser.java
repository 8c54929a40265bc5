package org.radlens.models.pkg;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import org.radlens.models.ModelLoadException;
import org.radlens.models.pkg.ModelManifest.Activation;
import org.radlens.models.pkg.ModelManifest.FindingPrompts;
import org.radlens.models.pkg.ModelManifest.ImageSpec;
import org.radlens.models.pkg.ModelManifest.IntensityMode;
import org.radlens.models.pkg.ModelManifest.IntensitySpec;
import org.radlens.models.pkg.ModelManifest.OutputSpec;
import org.radlens.models.pkg.ModelManifest.PromptSets;
import org.radlens.models.pkg.ModelManifest.SegmentationSpec;
import org.radlens.models.pkg.ModelManifest.StreamSpec;
import org.radlens.models.pkg.ModelManifest.TextSpec;
import org.radlens.models.pkg.ModelManifest.TrainingData;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code radlens-model.json} strictly into a {@link ModelManifest}. Every problem becomes a
 * {@link ModelLoadException} naming the file and the field (or the line and column of a syntax error).
 *
 * <pre>{@code
 * ModelManifest m = ManifestParser.parse(Files.readString(dir.resolve("radlens-model.json")));
 * }</pre>
 */
public final class ManifestParser {
    /** File name of the manifest inside a package. */
    public static final String FILE = "radlens-model.json";

    private ManifestParser() {
    }

    /** Parses manifest text. */
    public static ModelManifest parse(String json) throws ModelLoadException {
        return parse(new StringReader(json));
    }

    /** Parses a manifest from a reader (not closed). */
    public static ModelManifest parse(Reader reader) throws ModelLoadException {
        JsonElement root;
        try {
            JsonReader jr = new JsonReader(reader);
            jr.setStrictness(Strictness.STRICT);
            root = JsonParser.parseReader(jr);
            if (jr.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new ModelLoadException(FILE + ": bad JSON: trailing content after the top-level object");
            }
        } catch (JsonParseException | IOException e) {
            throw new ModelLoadException(FILE + ": bad JSON" + syntaxError(e), e);
        }
        if (!root.isJsonObject()) {
            throw new ModelLoadException(FILE + ": bad JSON: the top level must be an object");
        }
        return read(new JsonFields(FILE, "", root.getAsJsonObject()));
    }

    /** " at line L column C (path P): what" from a Gson syntax error, without the exception class and help link. */
    static String syntaxError(Exception e) {
        Throwable root = e.getCause() != null ? e.getCause() : e;
        String m = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        java.util.regex.Matcher at = java.util.regex.Pattern
                .compile("(.*?) at line (\\d+) column (\\d+) path (\\S+)").matcher(m);
        if (at.find()) {
            return " at line " + at.group(2) + " column " + at.group(3) + " (path " + at.group(4) + "): " + at.group(1);
        }
        return ": " + m;
    }

    private static ModelManifest read(JsonFields f) throws ModelLoadException {
        String format = f.string("format");
        if (!ModelManifest.FORMAT.equals(format)) {
            throw f.invalid("format", "is '" + format + "': unknown format version, this runtime reads '"
                    + ModelManifest.FORMAT + "'");
        }
        String engine = f.string("engine", "OnnxRuntime");
        if (!"OnnxRuntime".equals(engine) && !"PyTorch".equals(engine)) {
            throw f.invalid("engine", "is '" + engine + "': expected OnnxRuntime (ONNX files) or PyTorch (TorchScript)");
        }
        ImageSpec image = image(f.object("image"));
        OutputSpec outputs = outputs(f.object("outputs"));
        double logitScale = f.number("logit_scale");
        if (!(logitScale > 0) || !Double.isFinite(logitScale)) {
            throw f.invalid("logit_scale", "must be finite and > 0, found " + logitScale);
        }
        return new ModelManifest(format, f.string("name"), f.string("version"), f.string("license"),
                f.string("description", ""), f.string("card", ""), trainingData(f), engine, image,
                text(f.object("text")), outputs, logitScale, prompts(f), metrics(f), files(f.object("files")),
                VolumePoolingParser.parse(f, outputs.embeddingDim()),
                f.has("input_gate") ? java.util.Optional.of(f.string("input_gate")) : java.util.Optional.empty());
    }

    private static ImageSpec image(JsonFields f) throws ModelLoadException {
        int channels = f.positiveInt("channels");
        if (channels != 1 && channels != 3) {
            throw f.invalid("channels", "must be 1 or 3, found " + channels);
        }
        String resize = f.string("resize", "letterbox");
        if (!"letterbox".equals(resize)) {
            throw f.invalid("resize", "is '" + resize + "': only 'letterbox' is supported");
        }
        List<Double> std = f.numbers("std", channels);
        for (double s : std) {
            if (!(s > 0)) {
                throw f.invalid("std", "values must be > 0, found " + std);
            }
        }
        return new ImageSpec(f.string("file"), f.string("input", "pixel_values"), f.positiveInt("size"), channels,
                intensity(f.object("intensity")), resize, f.number("pad_value", 0.0), f.numbers("mean", channels),
                std);
    }

    private static IntensitySpec intensity(JsonFields f) throws ModelLoadException {
        String mode = f.string("mode");
        IntensityMode m;
        try {
            m = IntensityMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw f.invalid("mode", "is '" + mode + "': expected percentile, window or minmax");
        }
        double low = f.number("low", 0.5);
        double high = f.number("high", 99.5);
        if (!(low >= 0 && low < high && high <= 100)) {
            throw f.invalid("low", "and high must satisfy 0 <= low < high <= 100, found " + low + ", " + high);
        }
        return new IntensitySpec(m, low, high);
    }

    private static TextSpec text(JsonFields f) throws ModelLoadException {
        return new TextSpec(f.string("file"), f.string("tokenizer"), f.positiveInt("max_length"),
                f.string("input_ids", "input_ids"), f.string("attention_mask", "attention_mask"));
    }

    private static OutputSpec outputs(JsonFields f) throws ModelLoadException {
        List<Double> grid = f.numbers("patch_grid", 2);
        if (grid.stream().anyMatch(g -> g < 1 || g != Math.rint(g))) {
            throw f.invalid("patch_grid", "must be two positive integers, found " + grid);
        }
        Map<String, StreamSpec> streams = new LinkedHashMap<>();
        if (f.has("streams")) {
            JsonFields s = f.object("streams");
            for (String name : s.raw().keySet()) {
                JsonFields one = s.object(name);
                streams.put(name, new StreamSpec(one.string("patch_embeddings"), one.string("text_embedding")));
            }
        }
        Optional<SegmentationSpec> seg = f.has("segmentation")
                ? Optional.of(segmentation(f.object("segmentation"))) : Optional.empty();
        return new OutputSpec(f.positiveInt("embedding_dim"), grid.get(0).intValue(), grid.get(1).intValue(),
                f.string("image_embedding", "image_embeds"), f.string("patch_embeddings", "patch_embeds"),
                f.string("text_embedding", "text_embeds"), streams, seg);
    }

    private static SegmentationSpec segmentation(JsonFields f) throws ModelLoadException {
        List<String> classes = f.strings("classes");
        if (classes.isEmpty() || classes.size() > 254) {
            throw f.invalid("classes", "must list 1 to 254 class names, found " + classes.size());
        }
        String act = f.string("activation", "sigmoid");
        Activation a;
        try {
            a = Activation.valueOf(act.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw f.invalid("activation", "is '" + act + "': expected sigmoid or softmax");
        }
        double threshold = f.number("threshold", 0.5);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw f.invalid("threshold", "must be in [0, 1], found " + threshold);
        }
        return new SegmentationSpec(f.string("file"), f.string("output", "seg_logits"), classes, a, threshold);
    }

    private static List<TrainingData> trainingData(JsonFields f) throws ModelLoadException {
        List<TrainingData> out = new ArrayList<>();
        if (!f.has("training_data")) {
            return out;
        }
        JsonElement e = f.raw().get("training_data");
        if (!e.isJsonArray()) {
            throw f.invalid("training_data", "must be an array of objects");
        }
        for (JsonElement item : e.getAsJsonArray()) {
            if (!item.isJsonObject()) {
                throw f.invalid("training_data", "must be an array of objects");
            }
            JsonFields d = new JsonFields(FILE, f.where("training_data[]"), item.getAsJsonObject());
            out.add(new TrainingData(d.string("name"), d.string("license", ""), d.string("texts", "")));
        }
        return out;
    }

    private static PromptSets prompts(JsonFields root) throws ModelLoadException {
        Map<String, FindingPrompts> findings = new LinkedHashMap<>();
        Map<String, List<String>> anatomy = new LinkedHashMap<>();
        if (root.has("prompts")) {
            JsonFields p = root.object("prompts");
            if (p.has("findings")) {
                JsonFields fs = p.object("findings");
                for (String name : fs.raw().keySet()) {
                    JsonFields one = fs.object(name);
                    List<String> pos = one.strings("positive");
                    List<String> neg = one.strings("negative");
                    if (pos.isEmpty() || neg.isEmpty()) {
                        throw one.invalid("positive", "and negative must each list at least one prompt");
                    }
                    findings.put(name, new FindingPrompts(pos, neg));
                }
            }
            if (p.has("anatomy")) {
                JsonFields an = p.object("anatomy");
                for (String name : an.raw().keySet()) {
                    anatomy.put(name, an.strings(name));
                }
            }
        }
        return new PromptSets(findings, anatomy);
    }

    /** Numeric metrics, nested objects and arrays flattened to {@code a.b} and {@code a[i]}; null/text values skipped. */
    private static Map<String, Double> metrics(JsonFields root) throws ModelLoadException {
        Map<String, Double> out = new LinkedHashMap<>();
        if (root.has("metrics")) {
            flatten("", root.object("metrics").raw(), out);
        }
        return out;
    }

    private static void flatten(String prefix, JsonElement e, Map<String, Double> out) {
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                flatten(prefix.isEmpty() ? m.getKey() : prefix + "." + m.getKey(), m.getValue(), out);
            }
        } else if (e.isJsonArray()) {
            for (int i = 0; i < e.getAsJsonArray().size(); i++) {
                flatten(prefix + "[" + i + "]", e.getAsJsonArray().get(i), out);
            }
        } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            out.put(prefix, e.getAsDouble());
        }
    }

    private static Map<String, String> files(JsonFields f) throws ModelLoadException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : f.raw().keySet()) {
            String sha = f.string(name).toLowerCase(Locale.ROOT);
            if (!sha.matches("[0-9a-f]{64}")) {
                throw f.invalid(name, "must be a sha256 of 64 hex digits, found '" + sha + "'");
            }
            PackagePaths.checkRelative(name);
            out.put(name, sha);
        }
        return out;
    }
}
