package org.radlens.volume3d;

/**
 * Exact reorientation (axis permutation and flips, no interpolation) to the canonical LPS frame: afterwards index
 * axis i points mostly towards patient Left, j towards Posterior, k towards Superior, and every voxel keeps its LPS
 * position. Oblique acquisitions stay oblique (direction columns are only permuted and negated); use
 * {@link Resampling} onto an axis-aligned grid to remove obliquity.
 *
 * <pre>{@code
 * Volume lps = Reorientation.toCanonical(Volumes.stack(slices));
 * }</pre>
 */
public final class Reorientation {
    private Reorientation() {
    }

    /**
     * For each volume axis c, {@code result[c]} is the LPS axis (0 = L, 1 = P, 2 = S) it is closest to, plus 3 when it
     * points the opposite way (towards R, A or I). Ties are broken so that the three axes are distinct.
     */
    public static int[] axisCodes(VoxelGeometry g) {
        int[] codes = new int[3];
        boolean[] used = new boolean[3];
        for (int pass = 0; pass < 3; pass++) {
            int bestC = -1;
            int bestA = -1;
            double best = -1;
            for (int c = 0; c < 3; c++) {
                if (codes[c] >= 10) {
                    continue;
                }
                double[] ax = g.axis(c);
                for (int a = 0; a < 3; a++) {
                    if (!used[a] && Math.abs(ax[a]) > best) {
                        best = Math.abs(ax[a]);
                        bestC = c;
                        bestA = a;
                    }
                }
            }
            used[bestA] = true;
            codes[bestC] = (g.axis(bestC)[bestA] < 0 ? 3 : 0) + bestA + 10;
        }
        for (int c = 0; c < 3; c++) {
            codes[c] -= 10;
        }
        return codes;
    }

    /**
     * Three letters naming where each index axis points (the dominant patient direction): L/R, P/A, S/I; e.g.
     * {@code "LPS"} for a canonical grid, {@code "LAS"} for dcm2niix-style axial NIfTI (in LPS terms: {@code "LAS"}
     * means i → left, j → anterior, k → superior). Same convention as nibabel's {@code aff2axcodes}.
     */
    public static String axisLetters(VoxelGeometry g) {
        StringBuilder sb = new StringBuilder(3);
        for (int c : axisCodes(g)) {
            sb.append("LPSRAI".charAt(c));
        }
        return sb.toString();
    }

    /** True when the grid already is canonical (no permutation, no flip). */
    public static boolean isCanonical(VoxelGeometry g) {
        int[] c = axisCodes(g);
        return c[0] == 0 && c[1] == 1 && c[2] == 2;
    }

    /** {@code v} with axes permuted and flipped into the canonical LPS frame. */
    public static Volume toCanonical(Volume v) {
        if (isCanonical(v.geometry())) {
            return v;
        }
        Mapping m = Mapping.of(v.geometry(), new int[] {v.nx(), v.ny(), v.nz()});
        float[] out = new float[v.nx() * v.ny() * v.nz()];
        int[] src = new int[3];
        int p = 0;
        for (int k = 0; k < m.size[2]; k++) {
            for (int j = 0; j < m.size[1]; j++) {
                for (int i = 0; i < m.size[0]; i++) {
                    m.source(i, j, k, src);
                    out[p++] = v.get(src[0], src[1], src[2]);
                }
            }
        }
        return Volume.wrap(m.size[0], m.size[1], m.size[2], out, m.geometry, v.intensity());
    }

    /**
     * {@code v} with index axis {@code axis} reversed (0 = i, 1 = j, 2 = k); every voxel keeps its LPS position.
     * E.g. flipping j turns DICOM's top-down rows into dcm2niix's bottom-up NIfTI rows.
     */
    public static Volume flip(Volume v, int axis) {
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("axis must be 0, 1 or 2: " + axis);
        }
        int[] n = {v.nx(), v.ny(), v.nz()};
        float[] out = new float[n[0] * n[1] * n[2]];
        int p = 0;
        for (int k = 0; k < n[2]; k++) {
            for (int j = 0; j < n[1]; j++) {
                for (int i = 0; i < n[0]; i++) {
                    int[] s = {i, j, k};
                    s[axis] = n[axis] - 1 - s[axis];
                    out[p++] = v.get(s[0], s[1], s[2]);
                }
            }
        }
        VoxelGeometry g = v.geometry();
        double[] corner = new double[3];
        corner[axis] = n[axis] - 1;
        double[] dir = g.direction();
        for (int r = 0; r < 3; r++) {
            dir[3 * r + axis] = -dir[3 * r + axis];
        }
        VoxelGeometry fg = VoxelGeometry.of(g.spacing(), g.indexToWorld(corner[0], corner[1], corner[2]), dir);
        return Volume.wrap(n[0], n[1], n[2], out, fg, v.intensity());
    }

    /** {@code mask} with axes permuted and flipped into the canonical LPS frame. */
    public static LabelMask toCanonical(LabelMask mask) {
        int[] dims = {mask.width(), mask.height(), mask.depth()};
        Mapping m = Mapping.of(mask.geometry(), dims);
        byte[] out = new byte[mask.width() * mask.height() * mask.depth()];
        int[] src = new int[3];
        int p = 0;
        for (int k = 0; k < m.size[2]; k++) {
            for (int j = 0; j < m.size[1]; j++) {
                for (int i = 0; i < m.size[0]; i++) {
                    m.source(i, j, k, src);
                    out[p++] = (byte) mask.get(src[0], src[1], src[2]);
                }
            }
        }
        return new LabelMask(m.size[0], m.size[1], m.size[2], out, m.geometry, mask.classNames(), mask.source());
    }

    /** For new axis a: which old axis feeds it, whether flipped, and the resulting grid. */
    private static final class Mapping {
        final int[] oldAxis = new int[3];
        final boolean[] flip = new boolean[3];
        final int[] size = new int[3];
        final int[] oldSize;
        VoxelGeometry geometry;

        private Mapping(int[] oldSize) {
            this.oldSize = oldSize;
        }

        static Mapping of(VoxelGeometry g, int[] dims) {
            int[] codes = axisCodes(g);
            Mapping m = new Mapping(dims);
            double[] spacing = new double[3];
            double[] dir = new double[9];
            double[] corner = new double[3];
            for (int c = 0; c < 3; c++) {
                int a = codes[c] % 3;
                m.oldAxis[a] = c;
                m.flip[a] = codes[c] >= 3;
                m.size[a] = dims[c];
                spacing[a] = g.spacing(c);
                double[] ax = g.axis(c);
                double sign = m.flip[a] ? -1 : 1;
                for (int r = 0; r < 3; r++) {
                    dir[3 * r + a] = sign * ax[r];
                }
                corner[c] = m.flip[a] ? dims[c] - 1 : 0;
            }
            m.geometry = VoxelGeometry.of(spacing, g.indexToWorld(corner[0], corner[1], corner[2]), dir);
            return m;
        }

        void source(int i, int j, int k, int[] src) {
            int[] n = {i, j, k};
            for (int a = 0; a < 3; a++) {
                int c = oldAxis[a];
                src[c] = flip[a] ? oldSize[c] - 1 - n[a] : n[a];
            }
        }
    }
}
