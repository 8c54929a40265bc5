package org.radlens.volume3d;

import java.util.Objects;

/**
 * A voxel grid: its size and its placement in patient space (LPS, mm). The target of a resampling, and the one
 * holder of size and geometry for every volume, map and mask ({@link Volume#grid()}, {@link LabelMask#grid()},
 * models' {@code HeatMap3D}, validation's {@code BinaryMask}); whether two of them fit together is decided here
 * ({@link #sameSize}, {@link #sameGrid}, {@link #sameSpacing}).
 *
 * <pre>{@code
 * VolumeGrid g = volume.grid().withSpacing(1, 1, 1);   // same extent, 1 mm isotropic
 * }</pre>
 *
 * @param nx       voxels along i
 * @param ny       voxels along j
 * @param nz       voxels along k
 * @param geometry index → LPS mapping
 */
public record VolumeGrid(int nx, int ny, int nz, VoxelGeometry geometry) {

    public VolumeGrid {
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new IllegalArgumentException("grid size must be positive: " + nx + "x" + ny + "x" + nz);
        }
        Objects.requireNonNull(geometry, "geometry");
    }

    /** The grid a volume lives on ({@link Volume#grid()}). */
    public static VolumeGrid of(Volume v) {
        return v.grid();
    }

    /** Number of voxels. */
    public long size() {
        return (long) nx * ny * nz;
    }

    /** {@code "nx x ny x nz"} without spaces, e.g. {@code "512x512x40"}, for messages. */
    public String dimensions() {
        return nx + "x" + ny + "x" + nz;
    }

    /** Same number of voxels along i, j and k (placement not compared). */
    public boolean sameSize(VolumeGrid other) {
        return nx == other.nx && ny == other.ny && nz == other.nz;
    }

    /** Same size, origin and spacing within {@code toleranceMm}, directions within 1e-6 ({@link VoxelGeometry#sameGrid}). */
    public boolean sameGrid(VolumeGrid other, double toleranceMm) {
        return sameSize(other) && geometry.sameGrid(other.geometry, toleranceMm);
    }

    /** Same voxel size along i, j and k within a relative tolerance ({@code |a − b| ≤ relative · max(a, b)}). */
    public boolean sameSpacing(VolumeGrid other, double relative) {
        for (int k = 0; k < 3; k++) {
            double a = geometry.spacing(k);
            double b = other.geometry.spacing(k);
            if (Math.abs(a - b) > relative * Math.max(a, b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The same directions and field of view (first voxel centre kept, extent {@code n·spacing} kept as closely as
     * whole voxels allow) with new spacing in mm.
     */
    public VolumeGrid withSpacing(double si, double sj, double sk) {
        double[] s = geometry.spacing();
        int mx = Math.max(1, (int) Math.round(nx * s[0] / si));
        int my = Math.max(1, (int) Math.round(ny * s[1] / sj));
        int mz = Math.max(1, (int) Math.round(nz * s[2] / sk));
        return new VolumeGrid(mx, my, mz, geometry.withSpacingAndOrigin(new double[] {si, sj, sk}, geometry.origin()));
    }
}
