/**
 * Benchmarks measured side by side with peers in the same invocation: {@link org.radlens.validation.bench.Timer}
 * (warm-up, repetitions, median, p95), {@link org.radlens.validation.bench.PythonPeer} (peer scripts under
 * {@code /bench/}), {@link org.radlens.validation.bench.MetricsBench}, {@link org.radlens.validation.bench.BenchReports}.
 */
package org.radlens.validation.bench;
