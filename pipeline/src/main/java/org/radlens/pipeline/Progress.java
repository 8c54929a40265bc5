package org.radlens.pipeline;

import java.util.Locale;

/**
 * Where a batch run reports finished items: the CLI draws a terminal bar ({@code cli.score.ProgressBar}), Spark
 * counts with accumulators, Fiji shows its status bar; {@link #NONE} reports nothing. Implementations must be
 * thread-safe: workers call {@link #step} concurrently.
 */
public interface Progress {
    /** Reports nothing. */
    Progress NONE = new Progress() {
        @Override
        public void step(boolean itemFailed) {
        }

        @Override
        public void finish() {
        }
    };

    /** Counts one finished item. */
    void step(boolean itemFailed);

    /** The run is over (every item counted). */
    void finish();

    /** {@code m:ss}, or {@code h:mm:ss} from one hour on (an ETA or an elapsed time). */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
