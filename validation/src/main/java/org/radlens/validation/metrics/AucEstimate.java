package org.radlens.validation.metrics;

/**
 * ROC AUC with its DeLong variance.
 *
 * @param auc      the area
 * @param variance DeLong's variance estimate (0 when the classes are perfectly separated)
 * @param ci       normal-approximation interval {@code auc ± z·sqrt(variance)}, clipped to [0, 1]
 */
public record AucEstimate(double auc, double variance, ConfidenceInterval ci) {
    /** Standard error, the square root of the variance. */
    public double standardError() {
        return Math.sqrt(variance);
    }
}
