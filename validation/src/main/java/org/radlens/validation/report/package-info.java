/**
 * Reports: {@link org.radlens.validation.report.EvalReport} (the data), {@link org.radlens.validation.report.Reports}
 * ({@code metrics.json} + {@code report.md}), {@link org.radlens.validation.report.Plots} (ROC, PR, reliability on
 * the unit square) and {@link org.radlens.validation.report.Overlays} (examples drawn on the image's pixel grid).
 * Java2D only, headless.
 */
package org.radlens.validation.report;
