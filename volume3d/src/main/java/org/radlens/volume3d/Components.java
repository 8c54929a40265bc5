package org.radlens.volume3d;

/**
 * Connected components of a mask: component id per voxel (0 = background, 1..count in order of first voxel in
 * memory order) and each component's size in voxels.
 *
 * @param width  columns of the mask grid
 * @param height rows
 * @param depth  slices
 * @param ids    component id per voxel, index {@code (z·h + y)·w + x} (copied)
 * @param sizes  {@code sizes[c - 1]} = voxels of component c (copied)
 */
public record Components(int width, int height, int depth, int[] ids, long[] sizes) {
    public Components {
        ids = ids.clone();
        sizes = sizes.clone();
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    @Override
    public long[] sizes() {
        return sizes.clone();
    }

    /** Number of components. */
    public int count() {
        return sizes.length;
    }

    /** The id (1-based) of the largest component (the first one on a tie), or 0 when there is none. */
    public int largest() {
        int best = 0;
        for (int c = 0; c < sizes.length; c++) {
            if (best == 0 || sizes[c] > sizes[best - 1]) {
                best = c + 1;
            }
        }
        return best;
    }
}
