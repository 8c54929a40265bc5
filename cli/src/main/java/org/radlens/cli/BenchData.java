package org.radlens.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/** Where the benchmarks find the shared data, and the machine's load to note next to the figures. */
final class BenchData {
    private BenchData() {
    }

    /** {@code $RADLENS_DATA}, else {@code ../shared/data} from the working directory. */
    static Path root() {
        String env = System.getenv("RADLENS_DATA");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "data");
    }

    /** The one-minute load average as text, or "unknown". */
    static String loadAverage() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", l);
    }
}
