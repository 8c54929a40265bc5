package org.radlens.cli.gate;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radlens.models.DefaultModel;
import org.radlens.models.RadLensModel;
import org.radlens.models.gate.EmbeddingGateFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code radlens eval gate-calibrate --model PKG --out input-gate.json}: an embedding input gate for any package from
 * {@code RADLENS_DATA} ({@link GateCalibration}); prints the val, test and out-of-scope flag rates and whether the
 * targets hold. Add the file to a package with {@code "input_gate": "input-gate.json"} and its sha256 in
 * {@code files}. Exit 0 when written, 1 on data or model errors, 2 for usage errors.
 */
@Command(name = "gate-calibrate", mixinStandardHelpOptions = true,
        description = "Calibrate an embedding input gate (input-gate.json) for a model package from RADLENS_DATA.")
public final class GateCalibrateCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "PKG", description = "Model package (default: the bundled one).")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The gate file to write.")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: $RADLENS_DATA or ../shared/data).")
    Path data;

    @Option(names = "--prototypes", paramLabel = "K", description = "Number of prototypes, 1..64 (default: 16).")
    int prototypes = 16;

    @Option(names = "--train-per-source", paramLabel = "N", description = "Train films per source (default: 600).")
    int trainPerSource = 600;

    @Option(names = "--max-val-flag-rate", paramLabel = "R", description = "Share of val films the threshold may flag "
            + "(default: 0.02).")
    double maxFlagRate = 0.02;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (prototypes < 1 || prototypes > EmbeddingGateFile.MAX_PROTOTYPES || trainPerSource < 1
                || !(maxFlagRate >= 0 && maxFlagRate < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--prototypes 1..64, --train-per-source >= 1 and 0 <= --max-val-flag-rate < 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        Path dataDir = data != null ? data : defaultData();
        try (RadLensModel m = RadLensModel.open(model != null ? model : DefaultModel.locate())) {
            GateCalibration.Result r = new GateCalibration(m, err).run(dataDir,
                    new GateCalibration.Options(prototypes, trainPerSource, maxFlagRate, 0));
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(out, EmbeddingGateFile.toJson(r.gate()));
            report(err, r);
            return 0;
        }
    }

    private static void report(PrintWriter err, GateCalibration.Result r) {
        GateCalibration.Rate test = GateCalibration.Result.total(r.test());
        GateCalibration.Rate oos = GateCalibration.Result.total(r.outOfScope());
        GateCalibration.Rate both = GateCalibration.Result.total(r.outOfScopeWithHeader());
        err.printf(Locale.ROOT, "min_cosine %.4f, %d prototypes%n", r.gate().minCosine(), r.gate().prototypes().size());
        err.printf("val frontal films flagged:  %s%n", r.val());
        err.printf("test frontal films flagged: %s  %s%n", test, r.test());
        err.printf("non-CXR inputs flagged (embedding gate alone): %s  %s%n", oos, r.outOfScope());
        err.printf("non-CXR inputs flagged or refused (with the header gate): %s  %s%n", both,
                r.outOfScopeWithHeader());
        err.printf("unreadable inputs skipped: %d%n", r.unreadable());
        boolean ok = test.value() <= 0.02 && oos.value() >= 0.95;
        err.printf("targets (<= 2 %% of test films, >= 95 %% of non-CXR flagged by the embedding gate): %s%n",
                ok ? "MET" : "NOT MET");
        err.flush();
    }

    private static Path defaultData() {
        String env = System.getenv("RADLENS_DATA");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "data");
    }
}
