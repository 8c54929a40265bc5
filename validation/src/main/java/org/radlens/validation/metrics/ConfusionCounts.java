package org.radlens.validation.metrics;

/**
 * Counts of a binary decision against the truth, with the usual rates.
 *
 * <p>Zero denominators follow scikit-learn's {@code zero_division=0}: a rate whose denominator is 0 is reported as
 * 0 (e.g. sensitivity when there are no positives). Callers that evaluate data sets reject single-class data before
 * computing rates, so this only matters for sub-groups.
 */
public record ConfusionCounts(long tp, long fp, long tn, long fn) {
    public ConfusionCounts {
        if (tp < 0 || fp < 0 || tn < 0 || fn < 0) {
            throw new IllegalArgumentException("negative count: tp=" + tp + " fp=" + fp + " tn=" + tn + " fn=" + fn);
        }
    }

    public long total() {
        return tp + fp + tn + fn;
    }

    /** Recall, true positive rate: tp / (tp + fn). */
    public double sensitivity() {
        return ratio(tp, tp + fn);
    }

    /** True negative rate: tn / (tn + fp). */
    public double specificity() {
        return ratio(tn, tn + fp);
    }

    /** Precision, positive predictive value: tp / (tp + fp). */
    public double ppv() {
        return ratio(tp, tp + fp);
    }

    /** Negative predictive value: tn / (tn + fn). */
    public double npv() {
        return ratio(tn, tn + fn);
    }

    /** Harmonic mean of precision and recall: 2tp / (2tp + fp + fn). */
    public double f1() {
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    /** (tp + tn) / total. */
    public double accuracy() {
        return ratio(tp + tn, total());
    }

    private static double ratio(long num, long den) {
        return den == 0 ? 0.0 : (double) num / den;
    }
}
