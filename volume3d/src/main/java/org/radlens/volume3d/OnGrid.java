package org.radlens.volume3d;

/**
 * Something laid out on a {@link VolumeGrid} (volumes, label masks, heat maps, binary masks): its size and geometry
 * are read from the one grid it holds, never re-declared. Index order is x fastest: {@code (z·ny + y)·nx + x}.
 */
public interface OnGrid {
    /** The grid: size and patient geometry. */
    VolumeGrid grid();

    /** Columns. */
    default int nx() {
        return grid().nx();
    }

    /** Rows. */
    default int ny() {
        return grid().ny();
    }

    /** Slices (1 for 2D). */
    default int nz() {
        return grid().nz();
    }

    /** Columns (same as {@link #nx()}). */
    default int width() {
        return grid().nx();
    }

    /** Rows (same as {@link #ny()}). */
    default int height() {
        return grid().ny();
    }

    /** Slices, 1 for 2D (same as {@link #nz()}). */
    default int depth() {
        return grid().nz();
    }

    /** The grid in patient space. */
    default VoxelGeometry geometry() {
        return grid().geometry();
    }
}
