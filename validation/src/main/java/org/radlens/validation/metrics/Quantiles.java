package org.radlens.validation.metrics;

/** Quantiles of sorted values. */
public final class Quantiles {
    private Quantiles() {
    }

    /** Linear-interpolation quantile (numpy's default) of {@code sorted}, {@code q} in [0, 1]. */
    public static double ofSorted(double[] sorted, double q) {
        double pos = (sorted.length - 1) * q;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
