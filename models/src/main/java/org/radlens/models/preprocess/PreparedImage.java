package org.radlens.models.preprocess;

import org.radlens.volume3d.VoxelGeometry;

/**
 * An image ready for the image encoder: {@code channels × size × size} normalised values (planar, row-major), the
 * letterbox that placed it, and the original image's geometry.
 *
 * @param pixels         {@code C·S·S} values (not copied: treat as read-only)
 * @param channels       C
 * @param transform      the letterbox from the original pixel grid
 * @param sourceGeometry geometry of the original image
 */
public record PreparedImage(float[] pixels, int channels, LetterboxTransform transform, VoxelGeometry sourceGeometry) {
    public PreparedImage {
        int s = transform.size();
        if (pixels.length != channels * s * s) {
            throw new IllegalArgumentException(pixels.length + " values for " + channels + "x" + s + "x" + s);
        }
    }
}
