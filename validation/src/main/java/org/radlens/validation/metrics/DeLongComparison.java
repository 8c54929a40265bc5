package org.radlens.validation.metrics;

/**
 * DeLong's test of two correlated ROC AUCs measured on the same samples.
 *
 * @param aucA       AUC of model A
 * @param aucB       AUC of model B
 * @param variance   variance of {@code aucA − aucB} (covariance included)
 * @param z          {@code (aucA − aucB) / sqrt(variance)}; 0 when the variance and the difference are both 0
 * @param pValue     two-sided p-value; 1 when the variance and the difference are both 0
 */
public record DeLongComparison(double aucA, double aucB, double variance, double z, double pValue) {
    public double difference() {
        return aucA - aucB;
    }
}
