package org.radlens.volume3d;

/** How a resampler reads between voxel centres. Continuous indices are zero-based voxel centres. */
public enum Interpolation {
    /** Value of the closest voxel centre: the only choice for label masks. */
    NEAREST {
        @Override
        float sample(float[] d, int nx, int ny, int nz, double x, double y, double z, float outside) {
            long i = Math.round(x);
            long j = Math.round(y);
            long k = Math.round(z);
            if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) {
                return outside;
            }
            return d[(int) ((k * ny + j) * nx + i)];
        }
    },
    /** Trilinear between the 8 surrounding voxel centres; points beyond the outer centres read {@code outside}. */
    LINEAR {
        @Override
        float sample(float[] d, int nx, int ny, int nz, double x, double y, double z, float outside) {
            if (x < 0 || y < 0 || z < 0 || x > nx - 1 || y > ny - 1 || z > nz - 1) {
                return outside;
            }
            int i0 = Math.min((int) x, Math.max(nx - 2, 0));
            int j0 = Math.min((int) y, Math.max(ny - 2, 0));
            int k0 = Math.min((int) z, Math.max(nz - 2, 0));
            double fx = x - i0;
            double fy = y - j0;
            double fz = z - k0;
            int i1 = Math.min(i0 + 1, nx - 1);
            int j1 = Math.min(j0 + 1, ny - 1);
            int k1 = Math.min(k0 + 1, nz - 1);
            double c00 = lerp(d[idx(i0, j0, k0, nx, ny)], d[idx(i1, j0, k0, nx, ny)], fx);
            double c10 = lerp(d[idx(i0, j1, k0, nx, ny)], d[idx(i1, j1, k0, nx, ny)], fx);
            double c01 = lerp(d[idx(i0, j0, k1, nx, ny)], d[idx(i1, j0, k1, nx, ny)], fx);
            double c11 = lerp(d[idx(i0, j1, k1, nx, ny)], d[idx(i1, j1, k1, nx, ny)], fx);
            return (float) lerp(lerp(c00, c10, fy), lerp(c01, c11, fy), fz);
        }
    };

    /** Value at continuous index (x, y, z) of the volume {@code d} laid out as {@code (k·ny + j)·nx + i}. */
    abstract float sample(float[] d, int nx, int ny, int nz, double x, double y, double z, float outside);

    private static int idx(int i, int j, int k, int nx, int ny) {
        return (k * ny + j) * nx + i;
    }

    private static double lerp(double a, double b, double f) {
        return f == 0 ? a : a + (b - a) * f;
    }
}
