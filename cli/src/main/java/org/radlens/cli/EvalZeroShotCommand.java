package org.radlens.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.radlens.validation.eval.ClassPrompts;
import org.radlens.validation.eval.Manifest;
import org.radlens.validation.eval.ManifestException;
import org.radlens.validation.eval.ScoreSource;
import org.radlens.validation.eval.ZeroShotEvaluation;
import org.radlens.validation.eval.ZeroShotSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code radlens eval zeroshot}: per-class AUC with CIs, accuracy, F1 over a labelled manifest. */
@Command(name = "zeroshot", mixinStandardHelpOptions = true,
        description = "Zero-shot classification: one-vs-rest ROC AUC (DeLong + bootstrap CI), PR AUC, accuracy, F1.")
final class EvalZeroShotCommand implements Callable<Integer> {
    @Mixin
    ManifestOptions in;

    @Option(names = "--image-column", defaultValue = "image", description = "Default: ${DEFAULT-VALUE}.")
    String imageColumn;

    @Option(names = "--label-column", defaultValue = "label", description = "Default: ${DEFAULT-VALUE}.")
    String labelColumn;

    @Option(names = "--classes", required = true, split = ",", description = "Class names, e.g. normal,pneumonia.")
    List<String> classes;

    @Option(names = "--prompts", description = "JSON file {\"class\": [\"prompt\", ...]} or {\"class\": "
            + "{\"positive\": [...], \"negative\": [...]}} (default: the model's prompts).")
    Path prompts;

    @Option(names = "--scores", description = "Precomputed scores CSV: image column + one column per class.")
    Path scores;

    @Option(names = {"--compare", "--compare-scores"}, paramLabel = "PKG|CSV",
            description = "Second model for a paired DeLong test per class: a model package (folder or .zip) or its scores CSV.")
    Path compareScores;

    @Mixin
    EvalOptions eval;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return EvalRunner.execute(() -> {
            ZeroShotSpec zs = new ZeroShotSpec(imageColumn, labelColumn, classPrompts());
            Manifest m = Manifest.read(in.manifest);
            SourceOptions o = SourceOptions.of(in.model, scores, compareScores, null, null, null);
            EvalSources src = new EvalSources(o, imageColumn);
            try (ScoreSource a = src.scores(); ScoreSource b = src.compareScores()) {
                return ZeroShotEvaluation.run(m, zs, a, b, eval.settings());
            }
        }, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private List<ClassPrompts> classPrompts() throws ManifestException, IOException {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).isBlank()) {
                problems.add("--classes entry " + (i + 1) + " is empty");
            }
        }
        if (!problems.isEmpty()) {
            throw new ManifestException("bad --classes " + classes, problems);
        }
        Map<String, ClassPrompts> byClass = prompts == null ? Map.of() : readPrompts(prompts);
        for (String c : byClass.keySet()) {
            if (!classes.contains(c)) {
                problems.add("prompts for '" + c + "', which is not in --classes " + classes);
            }
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(prompts + ": prompts do not match the classes", problems);
        }
        return classes.stream().map(c -> byClass.getOrDefault(c, new ClassPrompts(c.strip(), List.of()))).toList();
    }

    /** Prompts by class: an array of positive prompts, or an object with "positive" and "negative" arrays. */
    static Map<String, ClassPrompts> readPrompts(Path file) throws IOException, ManifestException {
        try {
            var o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            Map<String, ClassPrompts> out = new java.util.LinkedHashMap<>();
            for (var e : o.entrySet()) {
                JsonElement v = e.getValue();
                out.put(e.getKey(), v.isJsonArray() ? new ClassPrompts(e.getKey(), strings(v))
                        : new ClassPrompts(e.getKey(), strings(v.getAsJsonObject().get("positive")),
                                strings(v.getAsJsonObject().get("negative"))));
            }
            return out;
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                 | IllegalArgumentException e) {
            throw new ManifestException(file + ": prompts must map each class to an array of strings or to "
                    + "{\"positive\": [..], \"negative\": [..]}: " + e.getMessage(), e);
        }
    }

    private static List<String> strings(JsonElement a) {
        List<String> out = new ArrayList<>();
        if (a != null && !a.isJsonNull()) {
            a.getAsJsonArray().forEach(x -> out.add(x.getAsString()));
        }
        return out;
    }
}
