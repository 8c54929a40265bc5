/**
 * Report-aligned image/text models: open a model package ({@link org.radlens.models.RadLensModel}), then classify
 * zero-shot, ground text queries as heat maps and boxes, and segment. Results are plain records carrying the original
 * image's geometry; no engine type (DJL {@code NDArray}) appears in this API.
 *
 * <p>Coordinates: pixel (x, y) is column x, row y of the original image, pixel centres at integers.
 */
package org.radlens.models;
