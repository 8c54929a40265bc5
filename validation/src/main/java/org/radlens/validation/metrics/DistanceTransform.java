package org.radlens.validation.metrics;

/**
 * Exact Euclidean distance transform with anisotropic spacing (Felzenszwalb &amp; Huttenlocher 2012, separable lower
 * envelope of parabolas), the same quantity as scipy's {@code distance_transform_edt(~sites, sampling=spacing)}.
 */
final class DistanceTransform {
    private static final double FAR = Double.POSITIVE_INFINITY;

    private DistanceTransform() {
    }

    /** Squared distance (mm²) from every voxel to the nearest site; +∞ everywhere when there is no site. */
    static double[] squared(boolean[] sites, int w, int h, int d, double[] spacing) {
        double[] f = new double[sites.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = sites[i] ? 0 : FAR;
        }
        int[] dims = {w, h, d};
        int[] strides = {1, w, w * h};
        for (int axis = 0; axis < 3; axis++) {
            if (dims[axis] > 1) {
                passAlong(f, dims, strides, axis, spacing[axis]);
            }
        }
        return f;
    }

    private static void passAlong(double[] f, int[] dims, int[] strides, int axis, double s) {
        int n = dims[axis];
        int stride = strides[axis];
        double[] line = new double[n];
        double[] out = new double[n];
        int[] v = new int[n];
        double[] z = new double[n + 1];
        int a1 = axis == 0 ? 1 : 0;
        int a2 = axis == 2 ? 1 : 2;
        for (int p = 0; p < dims[a1]; p++) {
            for (int q = 0; q < dims[a2]; q++) {
                int base = p * strides[a1] + q * strides[a2];
                for (int i = 0; i < n; i++) {
                    line[i] = f[base + i * stride];
                }
                envelope(line, n, s, out, v, z);
                for (int i = 0; i < n; i++) {
                    f[base + i * stride] = out[i];
                }
            }
        }
    }

    /** 1D squared distance transform of sampled function f with sample spacing s. */
    private static void envelope(double[] f, int n, double s, double[] out, int[] v, double[] z) {
        int k = -1;
        for (int q = 0; q < n; q++) {
            if (f[q] == FAR) {
                continue;
            }
            double x = q * s;
            double zq = Double.NEGATIVE_INFINITY;
            while (k >= 0) {
                double xv = v[k] * s;
                zq = ((f[q] + x * x) - (f[v[k]] + xv * xv)) / (2 * (x - xv));
                if (zq > z[k]) {
                    break;
                }
                k--;
            }
            k++;
            v[k] = q;
            z[k] = k == 0 ? Double.NEGATIVE_INFINITY : zq;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            java.util.Arrays.fill(out, 0, n, FAR);
            return;
        }
        int j = 0;
        for (int q = 0; q < n; q++) {
            double x = q * s;
            while (z[j + 1] < x) {
                j++;
            }
            double dx = x - v[j] * s;
            out[q] = dx * dx + f[v[j]];
        }
    }
}
