package org.radlens.volume3d;

import java.util.Arrays;

/**
 * Cropping and padding that keep every voxel's patient position (LPS, mm): the result's geometry has the same spacing
 * and directions, its origin moved to the new first voxel. No interpolation, values are copied.
 *
 * <pre>{@code
 * Volume roi = Cropping.cropWorld(ct, new double[] {-50, -80, -300}, new double[] {60, 40, -200});
 * Volume back = Cropping.placeOnto(roi, ct.grid(), -1024f);   // equals ct inside roi, -1024 outside
 * }</pre>
 */
public final class Cropping {
    private static final double EPS = 1e-6;

    private Cropping() {
    }

    /** The voxels of {@code box}, which must lie inside the volume. */
    public static Volume crop(Volume v, IndexBox box) {
        checkInside(box, v.nx(), v.ny(), v.nz());
        int[] n = box.size();
        float[] out = new float[n[0] * n[1] * n[2]];
        float[] src = v.raw();
        for (int k = 0; k < n[2]; k++) {
            for (int j = 0; j < n[1]; j++) {
                int from = ((box.k0() + k) * v.ny() + box.j0() + j) * v.nx() + box.i0();
                System.arraycopy(src, from, out, (k * n[1] + j) * n[0], n[0]);
            }
        }
        return Volume.wrap(box.grid(v.geometry()), out, v.intensity());
    }

    /** The labels of {@code box}, which must lie inside the mask. */
    public static LabelMask crop(LabelMask m, IndexBox box) {
        checkInside(box, m.width(), m.height(), m.depth());
        int[] n = box.size();
        byte[] src = m.labels();
        byte[] out = new byte[n[0] * n[1] * n[2]];
        for (int k = 0; k < n[2]; k++) {
            for (int j = 0; j < n[1]; j++) {
                int from = ((box.k0() + k) * m.height() + box.j0() + j) * m.width() + box.i0();
                System.arraycopy(src, from, out, (k * n[1] + j) * n[0], n[0]);
            }
        }
        return new LabelMask(box.grid(m.geometry()), out, m.classNames(), m.source());
    }

    /**
     * The smallest index box holding every voxel whose centre lies in the LPS box {@code [lo, hi]} (mm); for a grid
     * whose axes are not aligned with LPS this is the index box around the world box's corners, clipped to the volume.
     *
     * @throws IllegalArgumentException when no voxel centre falls inside
     */
    public static IndexBox worldBox(VolumeGrid grid, double[] lo, double[] hi) {
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int c = 0; c < 8; c++) {
            double[] idx = grid.geometry().worldToIndex((c & 1) == 0 ? lo[0] : hi[0], (c & 2) == 0 ? lo[1] : hi[1],
                    (c & 4) == 0 ? lo[2] : hi[2]);
            for (int a = 0; a < 3; a++) {
                min[a] = Math.min(min[a], idx[a]);
                max[a] = Math.max(max[a], idx[a]);
            }
        }
        int[] n = {grid.nx(), grid.ny(), grid.nz()};
        int[] a0 = new int[3];
        int[] a1 = new int[3];
        for (int a = 0; a < 3; a++) {
            a0[a] = (int) Math.max(0, Math.ceil(min[a] - EPS));
            a1[a] = (int) Math.min(n[a], Math.floor(max[a] + EPS) + 1);
            if (a1[a] <= a0[a]) {
                throw new IllegalArgumentException("world box " + Arrays.toString(lo) + ".." + Arrays.toString(hi)
                        + " holds no voxel centre of the grid along axis " + a);
            }
        }
        return new IndexBox(a0[0], a0[1], a0[2], a1[0], a1[1], a1[2]);
    }

    /** The voxels whose centres lie in the LPS box {@code [lo, hi]} (mm); see {@link #worldBox}. */
    public static Volume cropWorld(Volume v, double[] lo, double[] hi) {
        return crop(v, worldBox(v.grid(), lo, hi));
    }

    /** {@code v} with {@code before[a]} and {@code after[a]} voxels of {@code fill} added along axis a. */
    public static Volume pad(Volume v, int[] before, int[] after, float fill) {
        for (int a = 0; a < 3; a++) {
            if (before[a] < 0 || after[a] < 0) {
                throw new IllegalArgumentException("padding must be >= 0: " + Arrays.toString(before) + " / "
                        + Arrays.toString(after));
            }
        }
        VoxelGeometry g = v.geometry();
        double[] origin = g.indexToWorld(-before[0], -before[1], -before[2]);
        VolumeGrid target = new VolumeGrid(v.nx() + before[0] + after[0], v.ny() + before[1] + after[1],
                v.nz() + before[2] + after[2], g.withSpacingAndOrigin(g.spacing(), origin));
        return placeOnto(v, target, fill);
    }

    /** {@code v} padded by at least {@code marginMm} on every side (whole voxels, rounded up). */
    public static Volume padMm(Volume v, double marginMm, float fill) {
        int[] p = new int[3];
        for (int a = 0; a < 3; a++) {
            p[a] = (int) Math.ceil(marginMm / v.geometry().spacing(a) - EPS);
        }
        return pad(v, p, p, fill);
    }

    /**
     * {@code v} copied onto {@code target}, a grid with the same spacing and directions whose voxels coincide with
     * v's (integer index offset within 1e-3 voxel); target voxels v does not cover get {@code fill}.
     */
    public static Volume placeOnto(Volume v, VolumeGrid target, float fill) {
        int[] off = offset(v.geometry(), target.geometry());
        float[] out = new float[Math.toIntExact(target.size())];
        Arrays.fill(out, fill);
        float[] src = v.raw();
        for (int k = 0; k < v.nz(); k++) {
            int tk = k + off[2];
            for (int j = 0; j < v.ny(); j++) {
                int tj = j + off[1];
                if (tk < 0 || tk >= target.nz() || tj < 0 || tj >= target.ny()) {
                    continue;
                }
                int i0 = Math.max(0, -off[0]);
                int i1 = Math.min(v.nx(), target.nx() - off[0]);
                if (i1 > i0) {
                    System.arraycopy(src, (k * v.ny() + j) * v.nx() + i0, out,
                            (tk * target.ny() + tj) * target.nx() + i0 + off[0], i1 - i0);
                }
            }
        }
        return Volume.wrap(target, out, v.intensity());
    }

    /** Target index of source voxel (0, 0, 0), refusing grids whose voxels do not coincide. */
    static int[] offset(VoxelGeometry src, VoxelGeometry dst) {
        double[] o = src.origin();
        double[] idx = dst.worldToIndex(o[0], o[1], o[2]);
        int[] off = new int[3];
        boolean ok = dst.withSpacingAndOrigin(dst.spacing(), o).sameGrid(src, 1e-6); // same spacing and directions
        for (int a = 0; a < 3; a++) {
            off[a] = (int) Math.round(idx[a]);
            ok &= Math.abs(idx[a] - off[a]) < 1e-3;
        }
        if (!ok) {
            throw new IllegalArgumentException("grids do not share voxels: " + src + " vs " + dst);
        }
        return off;
    }

    private static void checkInside(IndexBox b, int nx, int ny, int nz) {
        if (b.i1() > nx || b.j1() > ny || b.k1() > nz) {
            throw new IllegalArgumentException(b + " outside the " + nx + "x" + ny + "x" + nz + " grid");
        }
    }
}
