package org.radlens.volume3d;

import java.util.Arrays;

/**
 * Immutable mapping between voxel indices and patient coordinates (LPS, millimetres).
 *
 * <p>{@code world = origin + D · diag(spacing) · (i, j, k)ᵀ}, where the columns of the 3×3 direction matrix
 * {@code D} are the unit vectors of the i, j and k axes in LPS. The origin is the centre of voxel (0, 0, 0).
 * For a 2D image, k is 0 and the third column is the slice normal.
 *
 * <pre>{@code
 * VoxelGeometry g = VoxelGeometry.axial(0.7, 0.7, 2.5);
 * double[] p = g.indexToWorld(10, 20, 3);   // {7.0, 14.0, 7.5}
 * }</pre>
 */
public final class VoxelGeometry {
    private static final double ORTHONORMAL_TOLERANCE = 1e-4;

    private final double[] spacing;
    private final double[] origin;
    private final double[] direction; // row-major 3×3; column c = direction of index axis c

    private VoxelGeometry(double[] spacing, double[] origin, double[] direction) {
        this.spacing = spacing;
        this.origin = origin;
        this.direction = direction;
    }

    /**
     * @param spacing   voxel size along i, j, k in mm, each finite and &gt; 0
     * @param origin    LPS position of voxel (0, 0, 0) in mm
     * @param direction row-major 3×3 matrix whose columns are orthonormal axis directions in LPS
     * @throws IllegalArgumentException with the offending values when the inputs are not valid
     */
    public static VoxelGeometry of(double[] spacing, double[] origin, double[] direction) {
        check(spacing != null && spacing.length == 3, "spacing must have 3 values", spacing);
        check(origin != null && origin.length == 3, "origin must have 3 values", origin);
        check(direction != null && direction.length == 9, "direction must have 9 values", direction);
        for (double s : spacing) {
            check(Double.isFinite(s) && s > 0, "spacing must be finite and > 0", spacing);
        }
        for (double o : origin) {
            check(Double.isFinite(o), "origin must be finite", origin);
        }
        check(isOrthonormal(direction), "direction columns must be orthonormal", direction);
        return new VoxelGeometry(spacing.clone(), origin.clone(), direction.clone());
    }

    /** Identity directions (i → L, j → P, k → S), origin at 0, the given spacing. */
    public static VoxelGeometry axial(double si, double sj, double sk) {
        return of(new double[] {si, sj, sk}, new double[3], new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
    }

    /** A 2D image with square-or-not pixel spacing, slice thickness 1 mm, identity directions. */
    public static VoxelGeometry planar(double columnSpacing, double rowSpacing) {
        return axial(columnSpacing, rowSpacing, 1.0);
    }

    /** Spacing along i, j, k in mm (a copy). */
    public double[] spacing() {
        return spacing.clone();
    }

    public double spacing(int axis) {
        return spacing[axis];
    }

    /** LPS position of voxel (0, 0, 0) in mm (a copy). */
    public double[] origin() {
        return origin.clone();
    }

    /** Row-major 3×3 direction matrix (a copy); column c is the LPS direction of index axis c. */
    public double[] direction() {
        return direction.clone();
    }

    /** Unit LPS vector of index axis {@code axis} (0 = i, 1 = j, 2 = k). */
    public double[] axis(int axis) {
        return new double[] {direction[axis], direction[3 + axis], direction[6 + axis]};
    }

    /** Patient LPS position (mm) of the continuous index (i, j, k). */
    public double[] indexToWorld(double i, double j, double k) {
        double a = i * spacing[0];
        double b = j * spacing[1];
        double c = k * spacing[2];
        double[] w = new double[3];
        for (int r = 0; r < 3; r++) {
            w[r] = origin[r] + direction[3 * r] * a + direction[3 * r + 1] * b + direction[3 * r + 2] * c;
        }
        return w;
    }

    /** Continuous index of the patient LPS position (mm); the inverse of {@link #indexToWorld}. */
    public double[] worldToIndex(double x, double y, double z) {
        double dx = x - origin[0];
        double dy = y - origin[1];
        double dz = z - origin[2];
        double[] idx = new double[3];
        for (int c = 0; c < 3; c++) { // Dᵀ is D⁻¹ for an orthonormal D
            double proj = direction[c] * dx + direction[3 + c] * dy + direction[6 + c] * dz;
            idx[c] = proj / spacing[c];
        }
        return idx;
    }

    /** Row-major 4×4 affine index → LPS (mm). */
    public double[] affine() {
        double[] m = new double[16];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[4 * r + c] = direction[3 * r + c] * spacing[c];
            }
            m[4 * r + 3] = origin[r];
        }
        m[15] = 1;
        return m;
    }

    /** The same directions with new spacing and origin. */
    public VoxelGeometry withSpacingAndOrigin(double[] newSpacing, double[] newOrigin) {
        return of(newSpacing, newOrigin, direction);
    }

    /** True when both describe the same grid within {@code toleranceMm} on origin and spacing and 1e-6 on directions. */
    public boolean sameGrid(VoxelGeometry other, double toleranceMm) {
        for (int i = 0; i < 3; i++) {
            if (Math.abs(spacing[i] - other.spacing[i]) > toleranceMm
                    || Math.abs(origin[i] - other.origin[i]) > toleranceMm) {
                return false;
            }
        }
        for (int i = 0; i < 9; i++) {
            if (Math.abs(direction[i] - other.direction[i]) > 1e-6) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VoxelGeometry g && Arrays.equals(spacing, g.spacing)
                && Arrays.equals(origin, g.origin) && Arrays.equals(direction, g.direction);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(spacing) + Arrays.hashCode(origin)) + Arrays.hashCode(direction);
    }

    @Override
    public String toString() {
        return "VoxelGeometry[spacing=" + Arrays.toString(spacing) + ", origin=" + Arrays.toString(origin)
                + ", direction=" + Arrays.toString(direction) + "]";
    }

    private static boolean isOrthonormal(double[] d) {
        for (int a = 0; a < 3; a++) {
            for (int b = a; b < 3; b++) {
                double dot = d[a] * d[b] + d[3 + a] * d[3 + b] + d[6 + a] * d[6 + b];
                if (Math.abs(dot - (a == b ? 1 : 0)) > ORTHONORMAL_TOLERANCE) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void check(boolean ok, String message, double[] values) {
        if (!ok) {
            throw new IllegalArgumentException(message + ": " + Arrays.toString(values));
        }
    }
}
