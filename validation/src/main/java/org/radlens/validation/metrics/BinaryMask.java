package org.radlens.validation.metrics;

import org.radlens.volume3d.OnGrid;
import java.util.Arrays;
import org.radlens.volume3d.LabelMask;
import org.radlens.volume3d.VolumeGrid;
import org.radlens.volume3d.VoxelGeometry;

/**
 * A binary mask on a voxel grid; the grid's spacing (mm) gives the distances. Index =
 * {@code (z·height + y)·width + x}.
 *
 * <pre>{@code
 * BinaryMask liver = BinaryMask.of(segmentation, 1);             // on the segmentation's grid
 * BinaryMask png = BinaryMask.planar(w, h, flags, 1, 1);         // 1 mm pixels, identity geometry
 * }</pre>
 *
 * @param grid   size ({@code width = nx}, {@code height = ny}, {@code depth = nz}, 1 for 2D) and geometry
 * @param values foreground flags, one per voxel, copied in and out
 */
public record BinaryMask(VolumeGrid grid, boolean[] values) implements OnGrid {
    public BinaryMask {
        if (grid == null || values == null || values.length != grid.size()) {
            throw new IllegalArgumentException("mask " + (grid == null ? "without grid" : grid.dimensions())
                    + " needs " + (grid == null ? "?" : grid.size()) + " values, got "
                    + (values == null ? "null" : values.length));
        }
        values = values.clone();
    }

    /**
     * A mask of {@code width × height × depth} voxels with voxel size {@code spacing} (mm along x, y, z; z is ignored
     * when depth is 1), identity directions, origin 0.
     */
    public BinaryMask(int width, int height, int depth, boolean[] values, double[] spacing) {
        this(gridFor(width, height, depth, values, spacing), values);
    }

    private static VolumeGrid gridFor(int width, int height, int depth, boolean[] values, double[] spacing) {
        if (width <= 0 || height <= 0 || depth <= 0 || values == null
                || values.length != (long) width * height * depth) {
            throw new IllegalArgumentException("mask " + width + "x" + height + "x" + depth + " needs "
                    + (long) width * height * depth + " values, got " + (values == null ? "null" : values.length));
        }
        if (spacing == null || spacing.length != 3 || !(spacing[0] > 0 && spacing[1] > 0 && spacing[2] > 0)) {
            throw new IllegalArgumentException("spacing must be 3 positive values: " + Arrays.toString(spacing));
        }
        return new VolumeGrid(width, height, depth, VoxelGeometry.axial(spacing[0], spacing[1], spacing[2]));
    }

    /** Voxels of {@code mask} equal to {@code label}; a negative {@code label} selects every non-zero voxel. */
    public static BinaryMask of(LabelMask mask, int label) {
        byte[] l = mask.labels();
        boolean[] v = new boolean[l.length];
        for (int i = 0; i < l.length; i++) {
            int x = l[i] & 0xff;
            v[i] = label < 0 ? x != 0 : x == label;
        }
        return new BinaryMask(mask.grid(), v);
    }

    /** A 2D mask with the given pixel spacing. */
    public static BinaryMask planar(int width, int height, boolean[] values, double sx, double sy) {
        return new BinaryMask(width, height, 1, values, new double[] {sx, sy, 1});
    }

    /** The same flags on {@code other}, a grid of the same size (e.g. a reference mask given the prediction's mm). */
    public BinaryMask onGrid(VolumeGrid other) {
        if (!grid.sameSize(other)) {
            throw new IllegalArgumentException("mask " + grid.dimensions() + " cannot move onto grid "
                    + other.dimensions());
        }
        return new BinaryMask(other, values);
    }

    @Override
    public boolean[] values() {
        return values.clone();
    }

    /** Voxel size along x, y, z in mm (a copy; {@code grid().geometry().spacing()}). */
    public double[] spacing() {
        return grid.geometry().spacing();
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
}
