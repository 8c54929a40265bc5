package org.radlens.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radlens.validation.conformance.ConformanceSuites;
import org.radlens.validation.conformance.ConformanceTally;
import org.radlens.dicomio.reference.Outcome;
import org.radlens.validation.eval.EvalException;
import org.radlens.validation.eval.SourceException;
import org.radlens.validation.suite.SuiteRunner;
import org.radlens.validation.suite.Suites;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code radlens eval suite NAME}: a built-in benchmark over the shared data. */
@Command(name = "suite", mixinStandardHelpOptions = true,
        description = "Run a built-in suite (kermany-zeroshot, covid-notes-retrieval, lung-segmentation, "
                + "lung-box-grounding, dicom-conformance, nifti-conformance) or a suite .json file over the shared data.")
final class EvalSuiteCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Suite name or path to a suite .json file.")
    String suite;

    @Option(names = "--data", description = "Data root (default: $RADLENS_DATA).")
    Path data;

    @Mixin
    SourceOptions sources;

    @Mixin
    EvalOptions eval;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (ConformanceSuites.isConformance(suite)) {
            return conformance();
        }
        return EvalRunner.execute(() -> {
            Path root = data != null ? data : envData();
            return SuiteRunner.run(Suites.load(suite), root, new EvalSources(sources, "image"), eval.settings());
        }, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private int conformance() {
        try {
            ConformanceTally t = ConformanceSuites.run(suite, data != null ? data : envData(), eval.out, eval.force);
            spec.commandLine().getOut().printf("%s: %d files, %d equal, %d within tolerance, %d unsupported, "
                    + "%d failed; metrics.json and report.md written%n", suite, t.files(), t.count(Outcome.EQUAL),
                    t.count(Outcome.WITHIN_TOLERANCE), t.count(Outcome.UNSUPPORTED), t.count(Outcome.FAILED));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IOException | EvalException | SourceException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    private static Path envData() throws SourceException {
        String env = System.getenv("RADLENS_DATA");
        if (env == null || env.isBlank()) {
            throw new SourceException("no data root: give --data DIR or set RADLENS_DATA");
        }
        return Path.of(env);
    }
}
