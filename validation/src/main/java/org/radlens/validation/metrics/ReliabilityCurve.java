package org.radlens.validation.metrics;

/**
 * Calibration by equal-width bins on [0, 1]. Bin {@code b} of {@code B} holds probabilities in
 * {@code (b/B, (b+1)/B]} (the first bin also holds 0), as numpy's {@code searchsorted(edges[1:-1], p)} in
 * scikit-learn's {@code calibration_curve(strategy="uniform")} and Guo et al. (2017)'s ECE. Arrays list the non-empty bins only, in order.
 *
 * @param meanPredicted  mean predicted probability per non-empty bin ({@code prob_pred})
 * @param fractionPositive fraction of positives per non-empty bin ({@code prob_true})
 * @param counts         samples per non-empty bin
 * @param bins           number of bins B
 */
public record ReliabilityCurve(double[] meanPredicted, double[] fractionPositive, long[] counts, int bins) {
    public ReliabilityCurve {
        meanPredicted = meanPredicted.clone();
        fractionPositive = fractionPositive.clone();
        counts = counts.clone();
    }

    @Override
    public double[] meanPredicted() {
        return meanPredicted.clone();
    }

    @Override
    public double[] fractionPositive() {
        return fractionPositive.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** Expected calibration error: {@code Σ_b (n_b / N) · |fractionPositive_b − meanPredicted_b|}. */
    public double expectedCalibrationError() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double ece = 0;
        for (int b = 0; b < counts.length; b++) {
            ece += (double) counts[b] / total * Math.abs(fractionPositive[b] - meanPredicted[b]);
        }
        return ece;
    }
}
