package org.radlens.volume3d;

import java.util.Objects;

/**
 * An immutable 3D scalar volume: float samples, index {@code (k·ny + j)·nx + i}, with its geometry and intensity
 * meaning. The array is copied in; {@link #get} reads in place, {@link #slice} copies one plane.
 */
public final class Volume {
    private final int nx;
    private final int ny;
    private final int nz;
    private final float[] data;
    private final VoxelGeometry geometry;
    private final IntensityInfo intensity;

    public Volume(int nx, int ny, int nz, float[] data, VoxelGeometry geometry, IntensityInfo intensity) {
        if (nx <= 0 || ny <= 0 || nz <= 0 || data == null || data.length != (long) nx * ny * nz) {
            throw new IllegalArgumentException("volume " + nx + "x" + ny + "x" + nz + " needs " + (long) nx * ny * nz
                    + " values, got " + (data == null ? "null" : data.length));
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.data = data.clone();
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.intensity = Objects.requireNonNull(intensity, "intensity");
    }

    /** Wraps {@code data} without copying; for readers that just filled a fresh array they will not touch again. */
    static Volume wrap(int nx, int ny, int nz, float[] data, VoxelGeometry g, IntensityInfo info) {
        return new Volume(nx, ny, nz, data, g, info, true);
    }

    private Volume(int nx, int ny, int nz, float[] data, VoxelGeometry g, IntensityInfo info, boolean noCopy) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.data = data;
        this.geometry = g;
        this.intensity = info;
    }

    public int nx() {
        return nx;
    }

    public int ny() {
        return ny;
    }

    public int nz() {
        return nz;
    }

    public float get(int i, int j, int k) {
        return data[(k * ny + j) * nx + i];
    }

    /** The samples in place, for this package's bulk operations; never handed out. */
    float[] raw() {
        return data;
    }

    /** A copy of all samples. */
    public float[] data() {
        return data.clone();
    }

    public VoxelGeometry geometry() {
        return geometry;
    }

    public IntensityInfo intensity() {
        return intensity;
    }

    /** Axial plane k as a 2D image whose geometry places it at its position in the volume. */
    public Image2D slice(int k) {
        if (k < 0 || k >= nz) {
            throw new IllegalArgumentException("slice " + k + " outside 0.." + (nz - 1));
        }
        float[] plane = new float[nx * ny];
        System.arraycopy(data, k * nx * ny, plane, 0, plane.length);
        VoxelGeometry g = VoxelGeometry.of(geometry.spacing(), geometry.indexToWorld(0, 0, k), geometry.direction());
        return Image2D.gray(nx, ny, plane, g, intensity);
    }

    @Override
    public String toString() {
        return "Volume[" + nx + "x" + ny + "x" + nz + ", " + intensity.modality() + "]";
    }
}
