package org.radlens.volume3d;

import java.util.Arrays;

/**
 * A plane in patient space (LPS, mm) through {@code point} with unit {@code normal} (normalised on construction).
 *
 * @param point  a point of the plane, LPS mm (copied)
 * @param normal the plane normal, any non-zero length (stored normalised, copied)
 */
public record ObliquePlane(double[] point, double[] normal) {
    public ObliquePlane {
        if (point == null || point.length != 3 || normal == null || normal.length != 3) {
            throw new IllegalArgumentException("point and normal need 3 values each: " + Arrays.toString(point)
                    + ", " + Arrays.toString(normal));
        }
        double len = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
        if (!(len > 1e-12) || !Double.isFinite(len)) {
            throw new IllegalArgumentException("normal must be finite and non-zero: " + Arrays.toString(normal));
        }
        point = point.clone();
        normal = new double[] {normal[0] / len, normal[1] / len, normal[2] / len};
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public double[] normal() {
        return normal.clone();
    }

    /** Signed distance (mm) of an LPS point from the plane, positive on the normal's side. */
    public double distance(double[] p) {
        return (p[0] - point[0]) * normal[0] + (p[1] - point[1]) * normal[1] + (p[2] - point[2]) * normal[2];
    }
}
