package org.radlens.validation.metrics;

import java.util.Arrays;
import org.radlens.volume3d.LabelMask;

/**
 * A binary mask on a voxel grid with its spacing in millimetres. Index = {@code (z·height + y)·width + x}.
 *
 * @param width   columns (x)
 * @param height  rows (y)
 * @param depth   slices (z), 1 for 2D
 * @param values  foreground flags, copied in and out
 * @param spacing voxel size along x, y, z in mm (z is ignored when depth is 1)
 */
public record BinaryMask(int width, int height, int depth, boolean[] values, double[] spacing) {
    public BinaryMask {
        if (width <= 0 || height <= 0 || depth <= 0 || values == null
                || values.length != (long) width * height * depth) {
            throw new IllegalArgumentException("mask " + width + "x" + height + "x" + depth + " needs "
                    + (long) width * height * depth + " values, got " + (values == null ? "null" : values.length));
        }
        if (spacing == null || spacing.length != 3 || !(spacing[0] > 0 && spacing[1] > 0 && spacing[2] > 0)) {
            throw new IllegalArgumentException("spacing must be 3 positive values: " + Arrays.toString(spacing));
        }
        values = values.clone();
        spacing = spacing.clone();
    }

    /** Voxels of {@code mask} equal to {@code label}; a negative {@code label} selects every non-zero voxel. */
    public static BinaryMask of(LabelMask mask, int label) {
        byte[] l = mask.labels();
        boolean[] v = new boolean[l.length];
        for (int i = 0; i < l.length; i++) {
            int x = l[i] & 0xff;
            v[i] = label < 0 ? x != 0 : x == label;
        }
        return new BinaryMask(mask.width(), mask.height(), mask.depth(), v, mask.geometry().spacing());
    }

    /** A 2D mask with the given pixel spacing. */
    public static BinaryMask planar(int width, int height, boolean[] values, double sx, double sy) {
        return new BinaryMask(width, height, 1, values, new double[] {sx, sy, 1});
    }

    @Override
    public boolean[] values() {
        return values.clone();
    }

    @Override
    public double[] spacing() {
        return spacing.clone();
    }

    /** Foreground flag at index i (no copy). */
    public boolean at(int i) {
        return values[i];
    }

    public int size() {
        return values.length;
    }

    public long count() {
        long n = 0;
        for (boolean b : values) {
            n += b ? 1 : 0;
        }
        return n;
    }

    boolean sameGrid(BinaryMask o) {
        return width == o.width && height == o.height && depth == o.depth;
    }
}
