package org.radlens.validation.metrics;

import org.radlens.volume3d.DistanceTransforms;

/**
 * Overlap and surface metrics of a predicted mask against a reference on the same grid.
 *
 * <p>Surface convention (MedPy / scipy): the surface of a mask is its foreground voxels that are removed by one
 * binary erosion with the face-connected structuring element ({@code generate_binary_structure(ndim, 1)}), with
 * voxels outside the grid counted as background ({@code border_value=0}); i.e. foreground voxels with a
 * face neighbour that is background or outside. A 2D mask (depth 1) uses the 4-neighbourhood. Distances are
 * Euclidean between voxel centres in millimetres using the mask spacing (anisotropic allowed), each surface voxel
 * to the nearest voxel of the other surface ({@code distance_transform_edt(~surface, sampling=spacing)}).
 *
 * <p>Degenerate cases: Dice and IoU of two empty masks are 1 (perfect agreement on absence); one empty mask gives 0.
 * Surface distances are undefined when either mask is empty and throw {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * double dice = Segmentation.dice(pred, ref);
 * SurfaceDistances sd = Segmentation.surfaceDistances(pred, ref);   // sd.hausdorff95() in mm
 * }</pre>
 */
public final class Segmentation {
    private Segmentation() {
    }

    /** Dice = 2|P∩R| / (|P| + |R|); 1 when both are empty. */
    public static double dice(BinaryMask predicted, BinaryMask reference) {
        long[] c = overlap(predicted, reference);
        long denominator = c[1] + c[2];
        return denominator == 0 ? 1.0 : 2.0 * c[0] / denominator;
    }

    /** IoU (Jaccard) = |P∩R| / |P∪R|; 1 when both are empty. */
    public static double iou(BinaryMask predicted, BinaryMask reference) {
        long[] c = overlap(predicted, reference);
        long union = c[1] + c[2] - c[0];
        return union == 0 ? 1.0 : (double) c[0] / union;
    }

    /** Hausdorff, HD95 and average surface distances in mm; both masks must be non-empty. */
    public static SurfaceDistances surfaceDistances(BinaryMask predicted, BinaryMask reference) {
        checkGrid(predicted, reference);
        if (predicted.count() == 0 || reference.count() == 0) {
            throw new IllegalArgumentException("surface distance undefined for an empty mask: predicted has "
                    + predicted.count() + " voxels, reference " + reference.count());
        }
        if (!predicted.grid().sameSpacing(reference.grid(), 1e-6)) {
            throw new IllegalArgumentException("masks differ in spacing: "
                    + java.util.Arrays.toString(predicted.spacing()) + " vs "
                    + java.util.Arrays.toString(reference.spacing()));
        }
        boolean[] sp = surface(predicted);
        boolean[] sr = surface(reference);
        double[] pToR = directed(sp, sr, predicted);
        double[] rToP = directed(sr, sp, predicted);
        double[] pooled = new double[pToR.length + rToP.length];
        System.arraycopy(pToR, 0, pooled, 0, pToR.length);
        System.arraycopy(rToP, 0, pooled, pToR.length, rToP.length);
        java.util.Arrays.sort(pooled);
        return new SurfaceDistances(pooled[pooled.length - 1], Stats.percentileOfSorted(pooled, 95),
                mean(pooled), mean(pToR), mean(rToP));
    }

    /** The surface voxels of a mask (see the class comment for the convention). */
    public static BinaryMask surfaceOf(BinaryMask mask) {
        return new BinaryMask(mask.grid(), surface(mask));
    }

    static boolean[] surface(BinaryMask m) {
        int w = m.width();
        int h = m.height();
        int d = m.depth();
        boolean[] out = new boolean[m.size()];
        for (int z = 0; z < d; z++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = (z * h + y) * w + x;
                    out[i] = m.at(i) && touchesBackground(m, x, y, z);
                }
            }
        }
        return out;
    }

    private static boolean touchesBackground(BinaryMask m, int x, int y, int z) {
        int w = m.width();
        int h = m.height();
        int d = m.depth();
        if (x == 0 || y == 0 || x == w - 1 || y == h - 1 || (d > 1 && (z == 0 || z == d - 1))) {
            return true;
        }
        int i = (z * h + y) * w + x;
        boolean inside = m.at(i - 1) && m.at(i + 1) && m.at(i - w) && m.at(i + w);
        if (d > 1) {
            inside &= m.at(i - w * h) && m.at(i + w * h);
        }
        return !inside;
    }

    private static double[] directed(boolean[] from, boolean[] to, BinaryMask grid) {
        double[] d2 = DistanceTransforms.squaredMm(to, grid.grid());
        int n = 0;
        for (boolean b : from) {
            n += b ? 1 : 0;
        }
        double[] out = new double[n];
        for (int i = 0, k = 0; i < from.length; i++) {
            if (from[i]) {
                out[k++] = Math.sqrt(d2[i]);
            }
        }
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** [0] = |P∩R|, [1] = |P|, [2] = |R|. */
    private static long[] overlap(BinaryMask p, BinaryMask r) {
        checkGrid(p, r);
        long[] c = new long[3];
        for (int i = 0; i < p.size(); i++) {
            boolean a = p.at(i);
            boolean b = r.at(i);
            c[0] += a && b ? 1 : 0;
            c[1] += a ? 1 : 0;
            c[2] += b ? 1 : 0;
        }
        return c;
    }

    static void checkGrid(BinaryMask p, BinaryMask r) {
        if (!p.grid().sameSize(r.grid())) {
            throw new IllegalArgumentException("masks differ in size: " + p.width() + "x" + p.height() + "x"
                    + p.depth() + " vs " + r.width() + "x" + r.height() + "x" + r.depth());
        }
    }
}
