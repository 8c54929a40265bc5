package org.radlens.volume3d;

import java.util.List;
import java.util.Objects;

/**
 * An immutable label image (2D, or 3D with {@code depth > 1}) on a voxel grid: 0 is background, value v &gt; 0 is
 * class {@code classNames.get(v - 1)}. Index = {@code (z·h + y)·w + x}.
 *
 * @param width      columns
 * @param height     rows
 * @param depth      slices (1 for 2D)
 * @param labels     label values, copied in and out
 * @param geometry   the grid in patient space
 * @param classNames names of labels 1..n
 * @param source     how the mask was made, e.g. {@code "segmentation head"} or {@code "thresholded grounding map"}
 */
public record LabelMask(int width, int height, int depth, byte[] labels, VoxelGeometry geometry,
                        List<String> classNames, String source) {

    public LabelMask {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(source, "source");
        if (width <= 0 || height <= 0 || depth <= 0 || labels.length != (long) width * height * depth) {
            throw new IllegalArgumentException("labels has " + labels.length + " values for " + width + "x" + height
                    + "x" + depth);
        }
        labels = labels.clone();
        classNames = List.copyOf(classNames);
    }

    @Override
    public byte[] labels() {
        return labels.clone();
    }

    /** Label at (x, y, z). */
    public int get(int x, int y, int z) {
        return labels[(z * height + y) * width + x] & 0xff;
    }

    /** Number of voxels carrying {@code label}. */
    public long count(int label) {
        long n = 0;
        for (byte b : labels) {
            if ((b & 0xff) == label) {
                n++;
            }
        }
        return n;
    }
}
