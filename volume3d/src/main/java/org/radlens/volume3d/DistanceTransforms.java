package org.radlens.volume3d;

import java.util.Arrays;

/**
 * Exact Euclidean distance transform in mm on anisotropic grids (Felzenszwalb &amp; Huttenlocher 2012, separable
 * lower envelope of parabolas, one pass per axis): {@code d²(p) = min over sites q of Σₐ (sₐ·(pₐ − qₐ))²}, the
 * quantity of scipy's {@code distance_transform_edt(~sites, sampling=spacing)} squared. O(voxels).
 *
 * <p>The one implementation in RadLens: {@link Masks} dilates and erodes with it, and validation's surface
 * distances (Hausdorff, HD95, ASSD) are computed with it. Parabolas are evaluated at voxel centres in mm
 * ({@code (q·s − v·s)² + f(v)}), so the same sites and spacing always give the same doubles.
 *
 * <pre>{@code
 * double[] d2 = DistanceTransforms.squaredMm(sites, grid);   // mm², +∞ everywhere when there is no site
 * double mm = Math.sqrt(d2[(k * ny + j) * nx + i]);
 * }</pre>
 */
public final class DistanceTransforms {
    private static final double FAR = Double.POSITIVE_INFINITY;

    private DistanceTransforms() {
    }

    /**
     * Squared distance (mm²) from every voxel of {@code grid} to the nearest site; +∞ everywhere when there is no
     * site. Index = {@code (k·ny + j)·nx + i}; the grid's spacing gives the mm.
     *
     * @throws IllegalArgumentException when {@code sites} does not have one flag per voxel
     */
    public static double[] squaredMm(boolean[] sites, VolumeGrid grid) {
        return squaredMm(sites, grid.nx(), grid.ny(), grid.nz(), grid.geometry().spacing());
    }

    /**
     * Squared distance (mm²) from every voxel of an {@code nx × ny × nz} grid with voxel size {@code spacing}
     * (mm along i, j, k) to the nearest site; +∞ everywhere when there is no site.
     *
     * @throws IllegalArgumentException when the sizes, the spacing or the number of flags do not fit together
     */
    public static double[] squaredMm(boolean[] sites, int nx, int ny, int nz, double[] spacing) {
        check(sites, nx, ny, nz, spacing);
        double[] f = new double[sites.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = sites[i] ? 0 : FAR;
        }
        int[] dims = {nx, ny, nz};
        int[] strides = {1, nx, nx * ny};
        for (int axis = 0; axis < 3; axis++) {
            if (dims[axis] > 1) {
                passAlong(f, dims, strides, axis, spacing[axis]);
            }
        }
        return f;
    }

    private static void check(boolean[] sites, int nx, int ny, int nz, double[] spacing) {
        if (nx <= 0 || ny <= 0 || nz <= 0 || sites == null || sites.length != (long) nx * ny * nz) {
            throw new IllegalArgumentException("distance transform of " + nx + "x" + ny + "x" + nz + " needs "
                    + (long) nx * ny * nz + " flags, got " + (sites == null ? "null" : sites.length));
        }
        if (spacing == null || spacing.length != 3 || !(spacing[0] > 0 && spacing[1] > 0 && spacing[2] > 0)) {
            throw new IllegalArgumentException("spacing must be 3 positive values: " + Arrays.toString(spacing));
        }
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

    /** 1D squared distance transform of the sampled function f (samples s mm apart): out[q] = min_v f[v] + (q·s − v·s)². */
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
            Arrays.fill(out, 0, n, FAR);
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
