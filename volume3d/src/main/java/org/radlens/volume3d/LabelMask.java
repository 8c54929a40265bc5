package org.radlens.volume3d;

import java.util.List;
import java.util.Objects;

/**
 * An immutable label image (2D, or 3D with {@code depth > 1}) on a voxel grid: 0 is background, value v &gt; 0 is
 * class {@code classNames.get(v - 1)}. Index = {@code (z·h + y)·w + x}.
 *
 * <pre>{@code
 * LabelMask m = new LabelMask(ct.grid(), labels, List.of("liver"), "segmentation head");
 * }</pre>
 *
 * @param grid       size ({@code width = nx}, {@code height = ny}, {@code depth = nz}) and geometry in patient space
 * @param labels     label values, one per voxel, copied in and out
 * @param classNames names of labels 1..n
 * @param source     how the mask was made, e.g. {@code "segmentation head"} or {@code "thresholded grounding map"}
 */
public record LabelMask(VolumeGrid grid, byte[] labels, List<String> classNames, String source) implements OnGrid {

    public LabelMask {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(source, "source");
        if (labels.length != grid.size()) {
            throw new IllegalArgumentException("labels has " + labels.length + " values for " + grid.dimensions());
        }
        labels = labels.clone();
        classNames = List.copyOf(classNames);
    }

    /**
     * A mask of {@code width × height × depth} voxels placed by {@code geometry}.
     *
     * @param width    columns
     * @param height   rows
     * @param depth    slices (1 for 2D)
     * @param geometry the grid in patient space
     */
    public LabelMask(int width, int height, int depth, byte[] labels, VoxelGeometry geometry,
                     List<String> classNames, String source) {
        this(gridFor(width, height, depth, labels, geometry), labels, classNames, source);
    }

    private static VolumeGrid gridFor(int width, int height, int depth, byte[] labels, VoxelGeometry geometry) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(geometry, "geometry");
        if (width <= 0 || height <= 0 || depth <= 0 || labels.length != (long) width * height * depth) {
            throw new IllegalArgumentException("labels has " + labels.length + " values for " + width + "x" + height
                    + "x" + depth);
        }
        return new VolumeGrid(width, height, depth, geometry);
    }

    @Override
    public byte[] labels() {
        return labels.clone();
    }

    /** Label at (x, y, z). */
    public int get(int x, int y, int z) {
        return labels[(z * grid.ny() + y) * grid.nx() + x] & 0xff;
    }

    /** 1 where the voxel carries {@code label}, else 0 (a new array, one pass: no copy of the labels first). */
    public byte[] binary(int label) {
        byte[] out = new byte[labels.length];
        if (label < 0 || label > 255) {
            return out;
        }
        byte b = (byte) label;
        int whole = labels.length & ~7;
        for (int i = 0; i < whole; i += 8) { // 8 voxels a step: a film's mask has millions
            ByteLanes.put(out, i, ByteLanes.equal(ByteLanes.word(labels, i), b));
        }
        for (int i = whole; i < labels.length; i++) {
            out[i] = (byte) (labels[i] == b ? 1 : 0);
        }
        return out;
    }

    /** Number of voxels carrying {@code label}. */
    public long count(int label) {
        if (label < 0 || label > 255) {
            return 0;
        }
        byte b = (byte) label;
        long n = 0;
        int whole = labels.length & ~7;
        for (int i = 0; i < whole; i += 8) {
            n += Long.bitCount(ByteLanes.equal(ByteLanes.word(labels, i), b));
        }
        for (int i = whole; i < labels.length; i++) {
            n += labels[i] == b ? 1 : 0;
        }
        return n;
    }
}
