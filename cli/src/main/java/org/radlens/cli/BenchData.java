package org.radlens.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;

/** Where the benchmarks find the shared data, and the machine's load to note next to the figures. */
final class BenchData {
    private BenchData() {
    }

    /** {@code $RADLENS_DATA}, else {@code ../shared/data} from the working directory. */
    static Path root() {
        String env = System.getenv("RADLENS_DATA");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "data");
    }

    /** Prints {@code error: MESSAGE} (no stack trace); 2 for a caller mistake (bad option values), else 1. */
    static int fail(CommandLine.Model.CommandSpec spec, Exception e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        spec.commandLine().getErr().flush();
        return e instanceof IllegalArgumentException ? 2 : 1;
    }

    /** The one-minute load average as text, or "unknown". */
    static String loadAverage() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", l);
    }
}
