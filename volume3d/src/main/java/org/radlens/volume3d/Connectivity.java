package org.radlens.volume3d;

/** Voxel neighbourhoods for 3D connected components. */
public enum Connectivity {
    /** Face neighbours: 6 in 3D. */
    SIX(1),
    /** Face, edge and corner neighbours: 26 in 3D. */
    TWENTY_SIX(3);

    private final int maxSteps;

    Connectivity(int maxSteps) {
        this.maxSteps = maxSteps;
    }

    /** The neighbour offsets {di, dj, dk}, in a fixed order. */
    public int[][] offsets() {
        int[][] out = new int[this == SIX ? 6 : 26][];
        int n = 0;
        for (int dk = -1; dk <= 1; dk++) {
            for (int dj = -1; dj <= 1; dj++) {
                for (int di = -1; di <= 1; di++) {
                    int steps = Math.abs(di) + Math.abs(dj) + Math.abs(dk);
                    if (steps > 0 && steps <= maxSteps) {
                        out[n++] = new int[] {di, dj, dk};
                    }
                }
            }
        }
        return out;
    }
}
