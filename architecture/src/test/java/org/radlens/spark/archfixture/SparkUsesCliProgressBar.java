package org.radlens.spark.archfixture;

import org.radlens.cli.score.ProgressBar;

/** Deliberately bad: the CLI's progress bar, once one of spark's temporary exceptions, is refused like any cli class. */
public class SparkUsesCliProgressBar {
    public String eta(double seconds) {
        return ProgressBar.clock(seconds);
    }
}
