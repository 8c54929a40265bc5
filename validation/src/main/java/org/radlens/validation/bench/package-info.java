/**
 * Benchmarks measured side by side with peers in the same invocation, every figure with its ratio ours / peer:
 * {@link org.radlens.validation.bench.Timer} (warm-up, repetitions, median, p95, mean),
 * {@link org.radlens.validation.bench.PythonPeer} (peer scripts under {@code /bench/}: {@code peer_metrics.py},
 * {@code peer_io.py}, {@code peer_infer.py}), {@link org.radlens.validation.bench.MetricsBench} (metrics vs
 * scikit-learn / scipy), {@link org.radlens.validation.bench.IoBench} over
 * {@link org.radlens.validation.bench.IoInputs} (decode vs pydicom / nibabel),
 * {@link org.radlens.validation.bench.InferComparison} ({@link org.radlens.validation.bench.InferBench},
 * {@link org.radlens.validation.bench.InferPeer} in torch, {@link org.radlens.validation.bench.ColdStart}).
 */
package org.radlens.validation.bench;
