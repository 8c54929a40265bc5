package org.radlens.validation.metrics;

/**
 * A precision–recall curve: point 0 is (recall 0, precision 1); point {@code i > 0} is "positive iff score &ge;
 * thresholds[i - 1]" for the distinct scores in decreasing order.
 *
 * @param recall     recall values, non-decreasing
 * @param precision  precision values
 * @param thresholds distinct scores, decreasing (one fewer than points)
 */
public record PrCurve(double[] recall, double[] precision, double[] thresholds) {
    public PrCurve {
        recall = recall.clone();
        precision = precision.clone();
        thresholds = thresholds.clone();
    }

    @Override
    public double[] recall() {
        return recall.clone();
    }

    @Override
    public double[] precision() {
        return precision.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }
}
