/**
 * Image and volume value types with their patient geometry.
 *
 * <p>Coordinate convention: voxel indices (i, j, k) are zero-based, i along columns (x), j along rows (y),
 * k along slices (z). World coordinates are DICOM patient coordinates, LPS, in millimetres. NIfTI's RAS is
 * converted at the reader's edge (dicom-io) and never appears here.
 */
package org.radlens.volume3d;
