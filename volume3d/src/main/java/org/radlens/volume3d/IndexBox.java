package org.radlens.volume3d;

/**
 * A box of voxel indices, {@code [i0, i1) × [j0, j1) × [k0, k1)} (lower bounds inclusive, upper exclusive), with its
 * size and position in patient space (LPS, mm) for a given geometry.
 *
 * <pre>{@code
 * IndexBox b = Masks.boundingBox(liver, 1).orElseThrow();
 * double[] mm = b.sizeMm(liver.geometry());       // extent of the covered voxels, n·spacing per axis
 * }</pre>
 */
public record IndexBox(int i0, int j0, int k0, int i1, int j1, int k1) {

    public IndexBox {
        if (i0 < 0 || j0 < 0 || k0 < 0 || i1 <= i0 || j1 <= j0 || k1 <= k0) {
            throw new IllegalArgumentException("empty or negative box [" + i0 + "," + i1 + ")x[" + j0 + "," + j1
                    + ")x[" + k0 + "," + k1 + ")");
        }
    }

    /** Voxels along i, j, k. */
    public int[] size() {
        return new int[] {i1 - i0, j1 - j0, k1 - k0};
    }

    /** Number of voxels. */
    public long voxels() {
        return (long) (i1 - i0) * (j1 - j0) * (k1 - k0);
    }

    /** Whether voxel (i, j, k) is inside. */
    public boolean contains(int i, int j, int k) {
        return i >= i0 && i < i1 && j >= j0 && j < j1 && k >= k0 && k < k1;
    }

    /** Extent along the grid axes in mm: voxel count × spacing (voxel faces to voxel faces). */
    public double[] sizeMm(VoxelGeometry g) {
        return new double[] {(i1 - i0) * g.spacing(0), (j1 - j0) * g.spacing(1), (k1 - k0) * g.spacing(2)};
    }

    /** LPS position (mm) of the centre of the box's first voxel {@code (i0, j0, k0)}. */
    public double[] firstVoxelWorld(VoxelGeometry g) {
        return g.indexToWorld(i0, j0, k0);
    }

    /** LPS position (mm) of the box centre. */
    public double[] centreWorld(VoxelGeometry g) {
        return g.indexToWorld((i0 + i1 - 1) / 2.0, (j0 + j1 - 1) / 2.0, (k0 + k1 - 1) / 2.0);
    }

    /** The grid of the box's voxels: same spacing and directions, origin at voxel {@code (i0, j0, k0)}. */
    public VolumeGrid grid(VoxelGeometry g) {
        return new VolumeGrid(i1 - i0, j1 - j0, k1 - k0, g.withSpacingAndOrigin(g.spacing(), firstVoxelWorld(g)));
    }
}
