package org.radlens.cli.score;

import java.io.PrintStream;
import java.util.Locale;
import org.radlens.pipeline.Progress;

/**
 * A one-line terminal progress bar on stderr: {@code [#####-----] 120/400 (3 failed) 8.2 img/s ETA 0:34}, redrawn
 * with a carriage return at most every 200 ms: the {@code radlens score} view of pipeline's {@link Progress}.
 * Disabled instances print nothing. Thread-safe.
 */
public final class ProgressBar implements Progress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean enabled;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long done;
    private long failed;
    private long lastDraw;

    public ProgressBar(PrintStream out, boolean enabled, long total) {
        this.out = out;
        this.enabled = enabled;
        this.total = total;
    }

    @Override
    public synchronized void step(boolean itemFailed) {
        done++;
        failed += itemFailed ? 1 : 0;
        long now = System.nanoTime();
        if (enabled && (now - lastDraw > 200_000_000L || done == total)) {
            lastDraw = now;
            out.print('\r' + line(now));
            out.flush();
        }
    }

    /** Ends the line (when enabled). */
    @Override
    public synchronized void finish() {
        if (enabled) {
            out.println('\r' + line(System.nanoTime()));
            out.flush();
        }
    }

    synchronized String line(long now) {
        double secs = Math.max(1e-3, (now - startNanos) / 1e9);
        double rate = done / secs;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        String eta = rate > 0 ? clock((total - done) / rate) : "?";
        return String.format(Locale.ROOT, "[%s%s] %d/%d%s %.1f img/s ETA %s", "#".repeat(filled),
                "-".repeat(WIDTH - filled), done, total, failed > 0 ? " (" + failed + " failed)" : "", rate, eta);
    }

    /** {@link Progress#clock}. */
    public static String clock(double seconds) {
        return Progress.clock(seconds);
    }
}
