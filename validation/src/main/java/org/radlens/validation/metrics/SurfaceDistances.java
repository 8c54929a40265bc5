package org.radlens.validation.metrics;

/**
 * Surface distances between two non-empty masks, in millimetres.
 *
 * @param hausdorff                maximum of all surface-to-surface distances (both directions)
 * @param hausdorff95              95th percentile (numpy linear interpolation) of the pooled distances of both
 *                                 directions (MedPy's {@code hd95})
 * @param averageSurfaceDistance   mean of the pooled distances of both directions (average symmetric surface
 *                                 distance, Heimann et al. 2009)
 * @param meanPredictedToReference mean distance from each predicted surface voxel to the reference surface
 * @param meanReferenceToPredicted mean distance from each reference surface voxel to the predicted surface
 */
public record SurfaceDistances(double hausdorff, double hausdorff95, double averageSurfaceDistance,
                               double meanPredictedToReference, double meanReferenceToPredicted) {
}
