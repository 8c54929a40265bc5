package org.radlens.dicomio.nifti;

import java.nio.file.Path;
import java.util.List;
import org.radlens.dicomio.InvalidGeometryException;
import org.radlens.volume3d.VoxelGeometry;

/**
 * RAS ↔ LPS at the NIfTI edge: {@code LPS = diag(−1, −1, 1) · RAS}. Spacing is the length of each affine column,
 * direction the normalised column; affines whose columns are not orthogonal (shear) are refused.
 */
final class NiftiGeometry {
    private NiftiGeometry() {
    }

    static VoxelGeometry toLps(Path file, double[] ras) throws InvalidGeometryException {
        double[] spacing = new double[3];
        double[] dir = new double[9];
        for (int c = 0; c < 3; c++) {
            double x = -ras[c];
            double y = -ras[4 + c];
            double z = ras[8 + c];
            double n = Math.sqrt(x * x + y * y + z * z);
            if (!(n > 0) || !Double.isFinite(n)) {
                throw new InvalidGeometryException(List.of(file), "affine column " + c + " is zero or not finite");
            }
            spacing[c] = n;
            dir[c] = x / n;
            dir[3 + c] = y / n;
            dir[6 + c] = z / n;
        }
        double[] origin = {-ras[3], -ras[7], ras[11]};
        try {
            return VoxelGeometry.of(spacing, origin, dir);
        } catch (IllegalArgumentException e) {
            throw new InvalidGeometryException(List.of(file), "affine is sheared or not finite: " + e.getMessage());
        }
    }

    /** Row-major 4×4 index → RAS affine of {@code g}: what nibabel reports as {@code img.affine}. */
    static double[] toRas(VoxelGeometry g) {
        double[] a = g.affine();
        for (int c = 0; c < 4; c++) {
            a[c] = -a[c];
            a[4 + c] = -a[4 + c];
        }
        return a;
    }
}
