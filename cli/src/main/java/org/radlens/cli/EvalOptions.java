package org.radlens.cli;

import java.nio.file.Path;
import org.radlens.validation.eval.EvalSettings;
import picocli.CommandLine.Option;

/** Options every {@code radlens eval} subcommand shares (a picocli mixin). */
final class EvalOptions {
    @Option(names = "--out", required = true, description = "Output folder for metrics.json, report.md and plots.")
    Path out;

    @Option(names = "--force", description = "Overwrite a finished report in --out.")
    boolean force;

    @Option(names = "--bootstrap", defaultValue = "2000", description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--level", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--seed", defaultValue = "42", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--examples", defaultValue = "4", description = "Example overlays to draw (default: ${DEFAULT-VALUE}).")
    int examples;

    EvalSettings settings() {
        return new EvalSettings(out, force, replicates, level, seed, examples);
    }
}
