package org.radlens.volume3d;

/**
 * Reslicing along any plane ({@link ObliquePlane}: point + normal in LPS mm) by sampling the volume at the image's
 * pixel centres.
 *
 * <p>In-plane axes: {@code u} is the volume axis most perpendicular to the normal (the first on a tie), projected
 * onto the plane and normalised; {@code v = n × u}. The image covers the projection of the volume's outer voxel
 * centres onto the plane, {@code su}, {@code sv} mm per pixel, starting at the smallest (u, v); its geometry has
 * columns u, rows v, normal n, so pixel (x, y) is at {@code origin + x·su·u + y·sv·v} exactly where it was sampled.
 * For a normal along a volume axis through a voxel centre, with the volume's own in-plane spacing, the result equals
 * the corresponding axis slice (same values, same geometry).
 *
 * <pre>{@code
 * Image2D obl = ObliqueReslicing.slice(ct, new ObliquePlane(centre, new double[] {0, 1, 1}), 1.0, 1.0,
 *         Interpolation.LINEAR, -1024f);
 * }</pre>
 */
public final class ObliqueReslicing {
    private ObliqueReslicing() {
    }

    /** The image of {@code v} on {@code plane} at {@code su × sv} mm pixels; outside the volume reads {@code outside}. */
    public static Image2D slice(Volume v, ObliquePlane plane, double su, double sv, Interpolation interp,
                                float outside) {
        if (!(su > 0) || !(sv > 0)) {
            throw new IllegalArgumentException("pixel spacing must be > 0 mm: " + su + ", " + sv);
        }
        VoxelGeometry g = v.geometry();
        double[] n = plane.normal();
        int ua = mostPerpendicularAxis(g, n);
        double[] u = unit(reject(g.axis(ua), n));
        double[] w = cross(n, u);
        double[] range = projectedRange(v, plane.point(), u, w);
        int width = (int) Math.floor((range[1] - range[0]) / su + 1e-6) + 1;
        int height = (int) Math.floor((range[3] - range[2]) / sv + 1e-6) + 1;
        double[] p0 = plane.point();
        double[] origin = new double[3];
        for (int c = 0; c < 3; c++) {
            origin[c] = p0[c] + range[0] * u[c] + range[2] * w[c];
        }
        VoxelGeometry ig = VoxelGeometry.of(new double[] {su, sv, g.spacing(mostParallelAxis(g, n))}, origin,
                new double[] {u[0], w[0], n[0], u[1], w[1], n[1], u[2], w[2], n[2]});
        float[] out = Resampling.resampleArray(v.raw(), v.grid(), new VolumeGrid(width, height, 1, ig), interp,
                outside);
        return Image2D.adopt(width, height, 1, out, ig, v.intensity());
    }

    /** {min u, max u, min v, max v} of the volume's 8 corner voxel centres relative to {@code p0}. */
    private static double[] projectedRange(Volume v, double[] p0, double[] u, double[] w) {
        double[] r = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int c = 0; c < 8; c++) {
            double[] p = v.geometry().indexToWorld((c & 1) == 0 ? 0 : v.nx() - 1, (c & 2) == 0 ? 0 : v.ny() - 1,
                    (c & 4) == 0 ? 0 : v.nz() - 1);
            double[] d = {p[0] - p0[0], p[1] - p0[1], p[2] - p0[2]};
            double a = dot(d, u);
            double b = dot(d, w);
            r[0] = Math.min(r[0], a);
            r[1] = Math.max(r[1], a);
            r[2] = Math.min(r[2], b);
            r[3] = Math.max(r[3], b);
        }
        return r;
    }

    private static int mostPerpendicularAxis(VoxelGeometry g, double[] n) {
        int best = 0;
        for (int a = 1; a < 3; a++) {
            if (Math.abs(dot(g.axis(a), n)) < Math.abs(dot(g.axis(best), n)) - 1e-12) {
                best = a;
            }
        }
        return best;
    }

    private static int mostParallelAxis(VoxelGeometry g, double[] n) {
        int best = 0;
        for (int a = 1; a < 3; a++) {
            if (Math.abs(dot(g.axis(a), n)) > Math.abs(dot(g.axis(best), n)) + 1e-12) {
                best = a;
            }
        }
        return best;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] reject(double[] a, double[] n) {
        double d = dot(a, n);
        return new double[] {a[0] - d * n[0], a[1] - d * n[1], a[2] - d * n[2]};
    }

    private static double[] unit(double[] a) {
        double l = Math.sqrt(dot(a, a));
        return new double[] {a[0] / l, a[1] / l, a[2] / l};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
