/**
 * RadLens in ImageJ/Fiji: {@code ImagePlus} ⇄ {@code Image2D}/{@code Volume} conversion keeping calibration and raw
 * values ({@link org.radlens.fiji.ImagePlusConversions}, {@link org.radlens.fiji.Calibrations}), the shared model
 * ({@link org.radlens.fiji.ModelSession}), overlays, ROI Manager and Results-table helpers. The menu commands are in
 * {@link org.radlens.fiji.commands}.
 *
 * <p>Coordinates: ImagePlus pixel (x, y) of slice z (1-based) is RadLens index (i, j, k) = (x, y, z − 1); patient
 * positions are LPS millimetres.
 */
package org.radlens.fiji;
