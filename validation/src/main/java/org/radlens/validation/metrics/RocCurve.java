package org.radlens.validation.metrics;

/**
 * A receiver operating characteristic curve, one point per distinct score plus the origin.
 *
 * <p>Point {@code i} is the operating point "positive iff score &ge; thresholds[i]"; thresholds decrease, point 0 is
 * (0, 0) with threshold {@code +Infinity} (scikit-learn's {@code roc_curve(drop_intermediate=False)}, which writes
 * {@code max + 1} there in versions before 1.3).
 *
 * @param fpr        false positive rates, non-decreasing
 * @param tpr        true positive rates, non-decreasing
 * @param thresholds score thresholds, decreasing
 */
public record RocCurve(double[] fpr, double[] tpr, double[] thresholds) {
    public RocCurve {
        fpr = fpr.clone();
        tpr = tpr.clone();
        thresholds = thresholds.clone();
    }

    @Override
    public double[] fpr() {
        return fpr.clone();
    }

    @Override
    public double[] tpr() {
        return tpr.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Area under the curve by the trapezoidal rule. */
    public double area() {
        double a = 0;
        for (int i = 1; i < fpr.length; i++) {
            a += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        }
        return a;
    }
}
