package org.radlens.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.radlens.validation.bench.BenchReports;
import org.radlens.validation.bench.MetricsBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code radlens bench metrics|io|infer|score}: RadLens timed side by side with its peers (metrics here; io and infer
 * in {@link BenchIoCommand} and {@link BenchInferCommand}); throughput of {@code radlens score} in
 * {@link BenchScoreCommand}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks with the peers measured in the same invocation (median, p95, ratio ours/peer): "
                + "metrics (scikit-learn), io (pydicom, nibabel), infer (torch); score: images/hour of radlens score.",
        subcommands = {BenchCommand.Metrics.class, BenchIoCommand.class, BenchInferCommand.class,
            BenchScoreCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a benchmark: metrics, io, infer, score");
    }

    @Command(name = "metrics", mixinStandardHelpOptions = true,
            description = "ROC AUC, average precision, HD95: Java vs scikit-learn/scipy (/usr/bin/python3).")
    static final class Metrics implements Callable<Integer> {
        @Option(names = "--warmup", defaultValue = "3")
        int warmup;

        @Option(names = "--reps", defaultValue = "20")
        int reps;

        @Option(names = "--n", defaultValue = "100000", description = "Scores per AUC workload.")
        int n;

        @Option(names = "--mask-size", defaultValue = "512")
        int size;

        @Option(names = "--python", defaultValue = "/usr/bin/python3")
        Path python;

        @Option(names = "--out", required = true)
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<String> notes = new ArrayList<>();
            try {
                List<MetricsBench.Row> rows = MetricsBench.run(warmup, reps, n, size, python, notes);
                spec.commandLine().getOut().print(BenchReports.write(out, "metrics", rows, notes));
                spec.commandLine().getOut().flush();
                return 0;
            } catch (IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return 1;
            }
        }
    }
}
