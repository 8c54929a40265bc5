package org.radlens.validation.metrics;

/**
 * A point estimate with a two-sided confidence interval.
 *
 * @param estimate the statistic on the full sample
 * @param lower    lower bound
 * @param upper    upper bound
 * @param level    confidence level, e.g. 0.95
 * @param method   how the interval was computed, e.g. {@code "delong"} or {@code "bootstrap-percentile"}
 */
public record ConfidenceInterval(double estimate, double lower, double upper, double level, String method) {
    public ConfidenceInterval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + level);
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " above upper bound " + upper);
        }
    }
}
