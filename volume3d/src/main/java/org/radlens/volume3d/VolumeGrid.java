package org.radlens.volume3d;

import java.util.Objects;

/**
 * A voxel grid: its size and its placement in patient space (LPS, mm). The target of a resampling.
 *
 * <pre>{@code
 * VolumeGrid g = VolumeGrid.of(volume).withSpacing(1, 1, 1);   // same extent, 1 mm isotropic
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

    /** The grid a volume lives on. */
    public static VolumeGrid of(Volume v) {
        return new VolumeGrid(v.nx(), v.ny(), v.nz(), v.geometry());
    }

    /** Number of voxels. */
    public long size() {
        return (long) nx * ny * nz;
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
