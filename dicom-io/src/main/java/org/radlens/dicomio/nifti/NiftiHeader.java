package org.radlens.dicomio.nifti;

import java.nio.ByteOrder;

/**
 * The NIfTI-1/-2 header fields RadLens uses, in NIfTI's own conventions (RAS+ world, mm). Converted to LPS only
 * by {@link #geometry()} at the reader's edge.
 *
 * <p>Affine precedence (as nibabel's {@code get_best_affine}, consistent with the NIfTI-1 standard's methods 3, 2, 1):
 * sform when {@code sform_code > 0}, else qform when {@code qform_code > 0}, else the Analyze-style default
 * {@code diag(-dx, dy, dz)} centred on the middle voxel.
 *
 * @param version       1 or 2
 * @param order         byte order of header and data
 * @param datatype      NIfTI datatype code
 * @param bitpix        bits per voxel
 * @param dim           dim[0..7]
 * @param pixdim        pixdim[0..7] (pixdim[0] = qfac)
 * @param voxOffset     data offset in the file (single-file) or .img
 * @param sclSlope      scl_slope (0 or NaN: no scaling)
 * @param sclInter      scl_inter
 * @param qformCode     qform_code
 * @param sformCode     sform_code
 * @param quatern       quatern_b, c, d, qoffset_x, y, z
 * @param srow          srow_x, srow_y, srow_z (12 values, row-major 3×4)
 * @param xyztUnits     xyzt_units
 * @param descrip       descrip
 * @param pair          true for a .hdr/.img pair header (magic ni1/ni2)
 */
public record NiftiHeader(int version, ByteOrder order, int datatype, int bitpix, long[] dim, double[] pixdim,
                          long voxOffset, double sclSlope, double sclInter, int qformCode, int sformCode,
                          double[] quatern, double[] srow, int xyztUnits, String descrip, boolean pair) {

    /** Spatial size (dim[1..3], 1 for absent dimensions). */
    public int[] spatialShape() {
        int nd = (int) dim[0];
        return new int[] {(int) (nd >= 1 ? dim[1] : 1), (int) (nd >= 2 ? dim[2] : 1), (int) (nd >= 3 ? dim[3] : 1)};
    }

    /** Number of 3D volumes (product of dim[4..dim[0]]). */
    public long volumes() {
        long n = 1;
        for (int i = 4; i <= Math.min(7, dim[0]); i++) {
            n *= Math.max(1, dim[i]);
        }
        return n;
    }

    /** True when scl_slope/scl_inter change values (slope neither 0 nor NaN, and not the 1/0 identity). */
    public boolean scaled() {
        return sclSlope != 0 && Double.isFinite(sclSlope) && !(sclSlope == 1 && (sclInter == 0
                || !Double.isFinite(sclInter)));
    }

    /** Row-major 4×4 index → RAS (mm) affine by the precedence above. */
    public double[] rasAffine() {
        if (sformCode > 0) {
            double[] a = new double[16];
            System.arraycopy(srow, 0, a, 0, 12);
            a[15] = 1;
            return a;
        }
        return qformCode > 0 ? qformAffine() : baseAffine();
    }

    /** The qform (method 2) affine. */
    public double[] qformAffine() {
        double b = quatern[0];
        double c = quatern[1];
        double d = quatern[2];
        double a2 = 1 - (b * b + c * c + d * d);
        double a = a2 < 1e-7 ? 0 : Math.sqrt(a2);
        if (a == 0) { // 180° rotation: renormalise (b, c, d) as nibabel does
            double n = Math.sqrt(b * b + c * c + d * d);
            b /= n;
            c /= n;
            d /= n;
        }
        double[] r = {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c),
            2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b),
            2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b};
        double qfac = pixdim[0] < 0 ? -1 : 1;
        double[] z = {pixdim[1], pixdim[2], pixdim[3] * qfac};
        double[] m = new double[16];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                m[4 * row + col] = r[3 * row + col] * z[col];
            }
            m[4 * row + 3] = quatern[3 + row];
        }
        m[15] = 1;
        return m;
    }

    private double[] baseAffine() {
        int[] s = spatialShape();
        double[] z = {pixdim[1] > 0 ? pixdim[1] : 1, pixdim[2] > 0 ? pixdim[2] : 1, pixdim[3] > 0 ? pixdim[3] : 1};
        return new double[] {-z[0], 0, 0, z[0] * (s[0] - 1) / 2.0, 0, z[1], 0, -z[1] * (s[1] - 1) / 2.0,
            0, 0, z[2], -z[2] * (s[2] - 1) / 2.0, 0, 0, 0, 1};
    }
}
