/**
 * Evaluation metrics as static façades over plain arrays and records: {@link org.radlens.validation.metrics.Classification}
 * (ROC/PR, operating points), {@link org.radlens.validation.metrics.DeLong}, {@link org.radlens.validation.metrics.Bootstrap},
 * {@link org.radlens.validation.metrics.Calibration}, {@link org.radlens.validation.metrics.Retrieval},
 * {@link org.radlens.validation.metrics.Grounding} and {@link org.radlens.validation.metrics.Segmentation}.
 *
 * <p>Every metric is checked against scikit-learn / scikit-image / scipy (golden files written by
 * {@code validation/src/test/python/make_golden.py}). Undefined values throw {@link java.lang.IllegalArgumentException}
 * with the offending input, or take a documented value; no method returns NaN. Distances are in millimetres.
 */
package org.radlens.validation.metrics;
