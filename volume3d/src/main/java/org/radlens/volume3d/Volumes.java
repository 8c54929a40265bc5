package org.radlens.volume3d;

import java.util.List;

/**
 * Static helpers to build and take apart {@link Volume}s.
 *
 * <pre>{@code
 * Volume v = Volumes.stack(slices);          // 2D slices → volume, geometry from the slices' origins
 * Image2D mid = Volumes.middleSlice(v);
 * }</pre>
 */
public final class Volumes {
    private static final double STACK_TOLERANCE = 1e-3;

    private Volumes() {
    }

    /**
     * A volume that takes ownership of {@code data} without copying (for readers that filled a fresh array and
     * drop it afterwards: halves peak heap). The caller must not modify {@code data} afterwards.
     */
    public static Volume adopt(int nx, int ny, int nz, float[] data, VoxelGeometry g, IntensityInfo info) {
        if (nx <= 0 || ny <= 0 || nz <= 0 || data == null || data.length != (long) nx * ny * nz) {
            throw new IllegalArgumentException("volume " + nx + "x" + ny + "x" + nz + " needs " + (long) nx * ny * nz
                    + " values, got " + (data == null ? "null" : data.length));
        }
        if (g == null || info == null) {
            throw new IllegalArgumentException("geometry and intensity are required");
        }
        return Volume.wrap(nx, ny, nz, data, g, info);
    }

    /** {@link #adopt(int, int, int, float[], VoxelGeometry, IntensityInfo)} on a grid at hand. */
    public static Volume adopt(VolumeGrid grid, float[] data, IntensityInfo info) {
        return adopt(grid.nx(), grid.ny(), grid.nz(), data, grid.geometry(), info);
    }

    /** Slice {@code nz / 2} (the rule {@code ImageFiles.readImage2D} uses for volumes). */
    public static Image2D middleSlice(Volume v) {
        return v.slice(v.nz() / 2);
    }

    /**
     * Stacks equally sized single-channel slices in the given order. The k axis points from the first slice's origin
     * to the second's and the k spacing is their distance; every slice must lie on that line within 1e-3 mm
     * (relative to spacing), and its in-plane axes must equal the first's.
     *
     * @throws IllegalArgumentException when the slices do not form a regular stack (the offending index is named)
     */
    public static Volume stack(List<Image2D> slices) {
        if (slices.isEmpty()) {
            throw new IllegalArgumentException("no slices to stack");
        }
        Image2D first = slices.get(0);
        int w = first.width();
        int h = first.height();
        VoxelGeometry g0 = first.geometry();
        double[] kDir = g0.axis(2);
        double dk = g0.spacing(2);
        if (slices.size() > 1) {
            double[] a = g0.origin();
            double[] b = slices.get(1).geometry().origin();
            double[] d = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
            dk = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            if (!(dk > 0)) {
                throw new IllegalArgumentException("slices 0 and 1 share an origin: " + java.util.Arrays.toString(a));
            }
            kDir = new double[] {d[0] / dk, d[1] / dk, d[2] / dk};
        }
        double[] i = g0.axis(0);
        double[] j = g0.axis(1);
        double[] dir = {i[0], j[0], kDir[0], i[1], j[1], kDir[1], i[2], j[2], kDir[2]};
        VoxelGeometry g = VoxelGeometry.of(new double[] {g0.spacing(0), g0.spacing(1), dk}, g0.origin(), dir);
        float[] data = new float[Math.multiplyExact(Math.multiplyExact(w, h), slices.size())];
        for (int k = 0; k < slices.size(); k++) {
            Image2D s = slices.get(k);
            checkSlice(s, k, w, h, g);
            System.arraycopy(s.channel(0), 0, data, k * w * h, w * h);
        }
        return Volume.wrap(w, h, slices.size(), data, g, first.intensity());
    }

    private static void checkSlice(Image2D s, int k, int w, int h, VoxelGeometry g) {
        if (s.width() != w || s.height() != h || s.channels() != 1) {
            throw new IllegalArgumentException("slice " + k + " is " + s.width() + "x" + s.height() + "x"
                    + s.channels() + ", expected " + w + "x" + h + "x1");
        }
        double[] o = s.geometry().origin();
        double[] idx = g.worldToIndex(o[0], o[1], o[2]);
        boolean onLine = Math.abs(idx[0]) * g.spacing(0) < STACK_TOLERANCE
                && Math.abs(idx[1]) * g.spacing(1) < STACK_TOLERANCE
                && Math.abs(idx[2] - k) * g.spacing(2) < STACK_TOLERANCE * Math.max(1, k);
        if (!onLine) {
            throw new IllegalArgumentException("slice " + k + " origin " + java.util.Arrays.toString(o)
                    + " is not at index (0,0," + k + ") of the stack: " + java.util.Arrays.toString(idx));
        }
    }
}
