package org.radlens.volume3d;

/**
 * Exact Euclidean distance transform in mm on anisotropic grids (Felzenszwalb &amp; Huttenlocher's separable lower
 * envelope of parabolas, one pass per axis): {@code d²(p) = min over q in set of Σₐ (sₐ·(pₐ − qₐ))²}.
 * Used by {@link Masks} for dilation and erosion with a spherical element in mm.
 */
final class DistanceTransforms {
    static final double INF = 1e30;

    private DistanceTransforms() {
    }

    /** Squared distance (mm²) of every voxel to the nearest voxel where {@code inSet} is true; INF when none. */
    static double[] squaredMm(boolean[] inSet, int nx, int ny, int nz, double[] spacing) {
        double[] d = new double[inSet.length];
        for (int p = 0; p < d.length; p++) {
            d[p] = inSet[p] ? 0 : INF;
        }
        int[] n = {nx, ny, nz};
        int[] stride = {1, nx, nx * ny};
        for (int axis = 0; axis < 3; axis++) {
            pass(d, n, stride, axis, spacing[axis]);
        }
        return d;
    }

    private static void pass(double[] d, int[] n, int[] stride, int axis, double s) {
        int len = n[axis];
        int a = (axis + 1) % 3;
        int b = (axis + 2) % 3;
        double[] f = new double[len];
        double[] out = new double[len];
        int[] v = new int[len];
        double[] z = new double[len + 1];
        for (int ib = 0; ib < n[b]; ib++) {
            for (int ia = 0; ia < n[a]; ia++) {
                int base = ia * stride[a] + ib * stride[b];
                for (int q = 0; q < len; q++) {
                    f[q] = d[base + q * stride[axis]];
                }
                envelope(f, out, v, z, s * s);
                for (int q = 0; q < len; q++) {
                    d[base + q * stride[axis]] = out[q];
                }
            }
        }
    }

    /** out[p] = min_q f[q] + w·(p − q)². */
    static void envelope(double[] f, double[] out, int[] v, double[] z, double w) {
        int len = f.length;
        int k = -1;
        for (int q = 0; q < len; q++) {
            if (f[q] >= INF) {
                continue;
            }
            double x = Double.NEGATIVE_INFINITY;
            while (k >= 0) {
                x = ((f[q] + w * q * q) - (f[v[k]] + w * v[k] * v[k])) / (2 * w * (q - v[k]));
                if (x > z[k]) {
                    break;
                }
                k--;
            }
            k++;
            v[k] = q;
            z[k] = k == 0 ? Double.NEGATIVE_INFINITY : x;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            java.util.Arrays.fill(out, INF);
            return;
        }
        int j = 0;
        for (int p = 0; p < len; p++) {
            while (z[j + 1] < p) {
                j++;
            }
            double dq = p - v[j];
            out[p] = w * dq * dq + f[v[j]];
        }
    }
}
