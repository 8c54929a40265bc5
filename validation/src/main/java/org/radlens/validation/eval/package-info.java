/**
 * Evaluation over CSV manifests: {@link org.radlens.validation.eval.Csv} (RFC 4180),
 * {@link org.radlens.validation.eval.Manifest}, the prediction-source capabilities
 * ({@link org.radlens.validation.eval.ScoreSource}, {@link org.radlens.validation.eval.HeatMapSource},
 * {@link org.radlens.validation.eval.MaskSource}, {@link org.radlens.validation.eval.EmbeddingSource}) with
 * precomputed-CSV implementations, and one evaluation per task (zero-shot, grounding, segmentation, retrieval).
 *
 * <p>Every evaluation validates the whole manifest first ({@link org.radlens.validation.eval.ManifestException}
 * lists every offending row), refuses an output folder holding a finished report unless forced, caches each item
 * in {@code items.jsonl} so an interrupted run resumes, turns one item's failure into an error row, and writes
 * {@code report.md}, PNG plots and finally {@code metrics.json}. Image paths are relative to the manifest's folder.
 */
package org.radlens.validation.eval;
