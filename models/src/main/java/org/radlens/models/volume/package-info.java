/**
 * Volumes through the 2D encoders: slices along one axis encoded in batches ({@link
 * org.radlens.models.volume.VolumeEncoder}), pooled into a volume embedding (mean, max, attention), scored zero-shot,
 * and per-slice heat maps and masks written back onto the source voxels ({@link org.radlens.models.volume.HeatMap3D},
 * 3D {@link org.radlens.volume3d.LabelMask}) in the source geometry.
 */
package org.radlens.models.volume;
