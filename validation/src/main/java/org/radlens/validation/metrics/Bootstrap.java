package org.radlens.validation.metrics;

import java.util.SplittableRandom;

/**
 * Stratified percentile bootstrap: each replicate draws, with replacement, as many positives from the positives and
 * as many negatives from the negatives as the sample has, so every replicate keeps both classes and the prevalence.
 * The interval is the numpy-style linearly interpolated percentiles {@code (1 − level)/2} and {@code (1 + level)/2}
 * of the replicate statistics. Deterministic for a given seed ({@link SplittableRandom}).
 *
 * <pre>{@code
 * ConfidenceInterval ci = Bootstrap.stratified(labels, scores, Classification::rocAuc, 2000, 0.95, 42L);
 * }</pre>
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /** A statistic of labels and scores, e.g. {@code Classification::rocAuc}. */
    @FunctionalInterface
    public interface Statistic {
        double apply(boolean[] labels, double[] scores);
    }

    /**
     * @param replicates number of resamples, at least 100
     * @param level      confidence level in (0, 1)
     * @param seed       random seed
     * @throws IllegalArgumentException when a class is missing, or a replicate's statistic is not finite
     */
    public static ConfidenceInterval stratified(boolean[] labels, double[] scores, Statistic statistic,
                                                int replicates, double level, long seed) {
        Stats.checkSameLength(labels, scores);
        Stats.checkBothClasses(labels, "stratified bootstrap");
        if (replicates < 100) {
            throw new IllegalArgumentException("bootstrap needs at least 100 replicates: " + replicates);
        }
        int[] pos = indices(labels, true);
        int[] neg = indices(labels, false);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] stats = new double[replicates];
        boolean[] l = new boolean[labels.length];
        double[] s = new double[labels.length];
        for (int r = 0; r < replicates; r++) {
            int k = 0;
            for (int t = 0; t < pos.length; t++, k++) {
                l[k] = true;
                s[k] = scores[pos[rng.nextInt(pos.length)]];
            }
            for (int t = 0; t < neg.length; t++, k++) {
                l[k] = false;
                s[k] = scores[neg[rng.nextInt(neg.length)]];
            }
            stats[r] = statistic.apply(l, s);
            if (!Double.isFinite(stats[r])) {
                throw new IllegalArgumentException("bootstrap replicate " + r + " gave " + stats[r]);
            }
        }
        double estimate = statistic.apply(labels, scores);
        double lo = Stats.percentile(stats, 50 * (1 - level));
        double hi = Stats.percentile(stats, 50 * (1 + level));
        return new ConfidenceInterval(estimate, lo, hi, level, "bootstrap-percentile-stratified");
    }

    private static int[] indices(boolean[] labels, boolean value) {
        int[] out = new int[labels.length];
        int n = 0;
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] == value) {
                out[n++] = k;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
