package org.radlens.volume3d;

import java.util.Objects;

/**
 * An image read at a reduced resolution of its full pixel grid (e.g. a JPEG 2000 film decoded with {@code levels}
 * wavelet levels discarded), with that full grid: what a caller needs to place results (masks, heat maps, boxes,
 * areas in mm²) on the film's real grid while working on fewer pixels.
 *
 * <p>Reduced pixel {@code (i, j)} is centred at full-grid pixel coordinate {@code (2^levels·i, 2^levels·j)} (the
 * low-pass samples of a dyadic wavelet sit on the even samples); the reduced image is
 * {@code ceil(fullWidth / 2^levels) × ceil(fullHeight / 2^levels)} and its geometry is the full one with the in-plane
 * spacing multiplied by {@code 2^levels} and the same origin. {@code levels} 0: {@code image} is the full read.
 *
 * @param image        the pixels at the reduced resolution (values as a full read gives them: modality LUT applied,
 *                     MONOCHROME1 flagged, window kept)
 * @param levels       d, the number of halvings ({@code 0 ≤ d ≤ 30})
 * @param fullWidth    columns of the full grid
 * @param fullHeight   rows of the full grid
 * @param fullGeometry geometry of the full grid
 */
public record ReducedImage(Image2D image, int levels, int fullWidth, int fullHeight, VoxelGeometry fullGeometry) {
    public ReducedImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(fullGeometry, "fullGeometry");
        if (levels < 0 || levels > 30 || fullWidth < 1 || fullHeight < 1
                || image.width() != reducedSize(fullWidth, levels) || image.height() != reducedSize(fullHeight, levels)) {
            throw new IllegalArgumentException("a " + image.width() + "x" + image.height() + " image is not " + fullWidth
                    + "x" + fullHeight + " reduced by " + levels + " levels");
        }
    }

    /** A full-resolution image as a reduced one of 0 levels. */
    public static ReducedImage full(Image2D image) {
        return new ReducedImage(image, 0, image.width(), image.height(), image.geometry());
    }

    /** {@code ceil(size / 2^levels)}: a side of the grid reduced by {@code levels} halvings. */
    public static int reducedSize(int size, int levels) {
        return (int) ((size + (1L << levels) - 1) >> levels);
    }

    /** 2^levels: full-grid pixels per reduced pixel along each axis. */
    public int factor() {
        return 1 << levels;
    }

    /**
     * The geometry of a grid reduced {@code levels} times from {@code full}: in-plane spacing × 2^levels, same origin
     * (reduced pixel 0 is centred on full pixel 0) and direction.
     */
    public static VoxelGeometry reducedGeometry(VoxelGeometry full, int levels) {
        double[] s = full.spacing();
        s[0] *= 1 << levels;
        s[1] *= 1 << levels;
        return full.withSpacingAndOrigin(s, full.origin());
    }
}
