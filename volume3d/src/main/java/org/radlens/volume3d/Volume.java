package org.radlens.volume3d;

import java.util.Objects;

/**
 * An immutable 3D scalar volume: float samples, index {@code (k·ny + j)·nx + i}, on a {@link VolumeGrid} (size and
 * geometry) with its intensity meaning. The array is copied in; {@link #get} reads in place, {@link #slice} copies
 * one plane.
 */
public final class Volume implements OnGrid {
    private final VolumeGrid grid;
    private final float[] data;
    private final IntensityInfo intensity;

    public Volume(int nx, int ny, int nz, float[] data, VoxelGeometry geometry, IntensityInfo intensity) {
        this(gridFor(nx, ny, nz, data, geometry), data, intensity);
    }

    /** A volume on {@code grid}; {@code data} (one value per voxel) is copied in. */
    public Volume(VolumeGrid grid, float[] data, IntensityInfo intensity) {
        this(grid, copyFor(grid, data), intensity, true);
    }

    /** Wraps {@code data} without copying; for readers that just filled a fresh array they will not touch again. */
    static Volume wrap(int nx, int ny, int nz, float[] data, VoxelGeometry g, IntensityInfo info) {
        return wrap(new VolumeGrid(nx, ny, nz, g), data, info);
    }

    /** {@link #wrap(int, int, int, float[], VoxelGeometry, IntensityInfo)} on a grid at hand. */
    static Volume wrap(VolumeGrid grid, float[] data, IntensityInfo info) {
        return new Volume(grid, data, info, true);
    }

    private Volume(VolumeGrid grid, float[] data, IntensityInfo info, boolean noCopy) {
        this.grid = grid;
        this.data = data;
        this.intensity = Objects.requireNonNull(info, "intensity");
    }

    private static VolumeGrid gridFor(int nx, int ny, int nz, float[] data, VoxelGeometry geometry) {
        if (nx <= 0 || ny <= 0 || nz <= 0 || data == null || data.length != (long) nx * ny * nz) {
            throw sizeMismatch(nx + "x" + ny + "x" + nz, (long) nx * ny * nz, data);
        }
        return new VolumeGrid(nx, ny, nz, Objects.requireNonNull(geometry, "geometry"));
    }

    private static float[] copyFor(VolumeGrid grid, float[] data) {
        if (data == null || data.length != grid.size()) {
            throw sizeMismatch(grid.dimensions(), grid.size(), data);
        }
        return data.clone();
    }

    private static IllegalArgumentException sizeMismatch(String dims, long needed, float[] data) {
        return new IllegalArgumentException("volume " + dims + " needs " + needed + " values, got "
                + (data == null ? "null" : data.length));
    }

    /** The grid (size and geometry) the samples lie on. */
    public VolumeGrid grid() {
        return grid;
    }

    public float get(int i, int j, int k) {
        return data[(k * grid.ny() + j) * grid.nx() + i];
    }

    /** The samples in place, for this package's bulk operations; never handed out. */
    float[] raw() {
        return data;
    }

    /** A copy of all samples. */
    public float[] data() {
        return data.clone();
    }

    public IntensityInfo intensity() {
        return intensity;
    }

    /** Axial plane k as a 2D image whose geometry places it at its position in the volume. */
    public Image2D slice(int k) {
        int nx = grid.nx();
        int ny = grid.ny();
        if (k < 0 || k >= grid.nz()) {
            throw new IllegalArgumentException("slice " + k + " outside 0.." + (grid.nz() - 1));
        }
        float[] plane = new float[nx * ny];
        System.arraycopy(data, k * nx * ny, plane, 0, plane.length);
        VoxelGeometry g = grid.geometry();
        VoxelGeometry sg = VoxelGeometry.of(g.spacing(), g.indexToWorld(0, 0, k), g.direction());
        return Image2D.gray(nx, ny, plane, sg, intensity);
    }

    @Override
    public String toString() {
        return "Volume[" + grid.dimensions() + ", " + intensity.modality() + "]";
    }
}
