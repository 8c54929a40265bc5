package org.radlens.spark.archfixture;

import org.radlens.cli.score.ScoreBench;

/** Deliberately bad: a NEW class of cli's score package, beside the excepted ones, is still refused. */
public class SparkUsesCliScoreBench {
    public String name(ScoreBench bench) {
        return String.valueOf(bench);
    }
}
