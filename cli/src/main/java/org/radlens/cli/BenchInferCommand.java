package org.radlens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.radlens.models.DefaultModel;
import org.radlens.models.InferenceException;
import org.radlens.models.ModelLoadException;
import org.radlens.validation.bench.InferComparison;
import org.radlens.validation.bench.InferSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code radlens bench infer}: end-to-end classify/ground/segment next to the torch peer, plus cold start. */
@Command(name = "infer", mixinStandardHelpOptions = true,
        description = {"End-to-end classify / ground / segment (decode + preprocess + encode + scoring) with the "
                + "model package at 1 and N threads: warm latency median/p95, images/s; cold start as a child JVM "
                + "running 'radlens classify'. Peer in the same invocation: the training code's model in Debian "
                + "torch (random init of the same configuration, or --python-checkpoint).",
            "Prints a table; --out writes JSON. Ratios are ours / peer."})
final class BenchInferCommand implements Callable<Integer> {
    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "Images (default: the bundled samples/).")
    List<Path> images = new ArrayList<>();

    @Option(names = "--model", paramLabel = "PKG", description = "Model package (default: the default package).")
    Path model;

    @Option(names = "--threads", defaultValue = "2", description = "N of the N-thread run (default 2).")
    int threads;

    @Option(names = "--warmup", defaultValue = "5", description = "Untimed images per thread and task (default 5).")
    int warmup;

    @Option(names = "--reps", defaultValue = "30", description = "Timed images per thread and task (default 30).")
    int reps;

    @Option(names = "--cold-runs", defaultValue = "3", description = "Cold starts timed per side (0: skip).")
    int coldRuns;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Peer interpreter.")
    Path python;

    @Option(names = "--training", description = "Peer code folder (default: <repo>/models/training).")
    Path training;

    @Option(names = "--python-checkpoint", description = "State dict for the peer model (default: random init).")
    Path checkpoint;

    @Option(names = "--out", description = "Write the results as JSON to this file.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            String load = BenchData.loadAverage();
            Path home = Path.of(System.getProperty("radlens.home", "")).toAbsolutePath();
            InferSettings s = new InferSettings(model != null ? model : DefaultModel.locate(), inputs(home), threads,
                    warmup, reps, coldRuns, python, training != null ? training : home.resolve("models/training"),
                    checkpoint, childJvm());
            List<String> notes = new ArrayList<>();
            List<InferComparison.Row> rows = InferComparison.run(s, notes);
            notes.add("model " + s.modelPackage() + "; Java " + Runtime.version() + ", "
                    + Runtime.getRuntime().availableProcessors() + " processors; load average before the run: " + load);
            spec.commandLine().getOut().print(InferComparison.table(rows, notes));
            spec.commandLine().getOut().flush();
            if (out != null) {
                InferComparison.writeJson(out, rows, s.describe(), notes);
            }
            return 0;
        } catch (IOException | ModelLoadException | InferenceException | IllegalArgumentException e) {
            return BenchData.fail(spec, e);
        }
    }

    private List<Path> inputs(Path home) throws IOException {
        if (!images.isEmpty()) {
            return images;
        }
        try (var s = Files.list(home.resolve("samples"))) {
            return s.filter(p -> p.toString().matches(".*\\.(jpg|png|dcm)$")).sorted().toList();
        }
    }

    private static List<String> childJvm() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                RadLens.class.getName());
    }
}
