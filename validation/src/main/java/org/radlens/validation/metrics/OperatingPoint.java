package org.radlens.validation.metrics;

/**
 * A decision rule "positive iff score &ge; threshold" and its counts.
 *
 * @param threshold the score threshold
 * @param counts    the confusion counts at that threshold
 */
public record OperatingPoint(double threshold, ConfusionCounts counts) {
    /** Youden's J = sensitivity + specificity − 1. */
    public double youdenJ() {
        return counts.sensitivity() + counts.specificity() - 1;
    }
}
