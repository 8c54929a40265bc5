package org.radlens.dicomio.nifti;

/** NIfTI-1 qform parameters from an orthogonal affine (nifti_mat44_to_quatern, for orthonormal directions). */
final class Quaternions {
    private Quaternions() {
    }

    /**
     * @param a row-major 4×4 index → RAS affine with orthogonal columns
     * @return {b, c, d, qoffset_x, y, z, qfac}
     */
    static double[] fromAffine(double[] a) {
        double[] r = new double[9];
        for (int c = 0; c < 3; c++) {
            double n = Math.sqrt(a[c] * a[c] + a[4 + c] * a[4 + c] + a[8 + c] * a[8 + c]);
            for (int row = 0; row < 3; row++) {
                r[3 * row + c] = a[4 * row + c] / n;
            }
        }
        double det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6])
                + r[2] * (r[3] * r[7] - r[4] * r[6]);
        double qfac = det < 0 ? -1 : 1;
        if (det < 0) {
            r[2] = -r[2];
            r[5] = -r[5];
            r[8] = -r[8];
        }
        double qa = r[0] + r[4] + r[8] + 1;
        double b;
        double c;
        double d;
        double qw;
        if (qa > 0.5) {
            qw = 0.5 * Math.sqrt(qa);
            b = 0.25 * (r[7] - r[5]) / qw;
            c = 0.25 * (r[2] - r[6]) / qw;
            d = 0.25 * (r[3] - r[1]) / qw;
        } else {
            double xd = 1 + r[0] - (r[4] + r[8]);
            double yd = 1 + r[4] - (r[0] + r[8]);
            double zd = 1 + r[8] - (r[0] + r[4]);
            if (xd > 1) {
                b = 0.5 * Math.sqrt(xd);
                c = 0.25 * (r[1] + r[3]) / b;
                d = 0.25 * (r[2] + r[6]) / b;
                qw = 0.25 * (r[7] - r[5]) / b;
            } else if (yd > 1) {
                c = 0.5 * Math.sqrt(yd);
                b = 0.25 * (r[1] + r[3]) / c;
                d = 0.25 * (r[5] + r[7]) / c;
                qw = 0.25 * (r[2] - r[6]) / c;
            } else {
                d = 0.5 * Math.sqrt(zd);
                b = 0.25 * (r[2] + r[6]) / d;
                c = 0.25 * (r[5] + r[7]) / d;
                qw = 0.25 * (r[3] - r[1]) / d;
            }
            if (qw < 0) {
                b = -b;
                c = -c;
                d = -d;
            }
        }
        return new double[] {b, c, d, a[3], a[7], a[11], qfac};
    }
}
