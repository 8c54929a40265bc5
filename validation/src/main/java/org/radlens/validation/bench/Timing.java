package org.radlens.validation.bench;

/**
 * Wall-clock statistics of one workload after warm-up.
 *
 * @param workload    what was measured, e.g. {@code roc_auc n=100000}
 * @param runner      {@code java} or the peer, e.g. {@code python3 sklearn 1.2.1}
 * @param repetitions measured repetitions
 * @param medianMs    median time per repetition, ms
 * @param p95Ms       95th percentile (linear interpolation), ms
 * @param minMs       fastest repetition, ms
 * @param meanMs      mean time per repetition, ms (1000 / mean = sequential throughput per second)
 */
public record Timing(String workload, String runner, int repetitions, double medianMs, double p95Ms, double minMs,
        double meanMs) {
}
