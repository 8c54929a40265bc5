package org.radlens.volume3d;

import java.util.List;
import java.util.Optional;

/**
 * Binary and label-mask operations that keep the mask's geometry: union, intersection, dilation and erosion with a
 * spherical structuring element of radius r in mm (anisotropic spacing honoured: voxel q is within the element of p
 * when {@code Σₐ (sₐ·(pₐ − qₐ))² ≤ r²}), bounding boxes, volumes in ml, conversion to and from {@link Volume}.
 *
 * <p>Binary operations treat every non-zero label as foreground and return labels 0/1 named {@code name}.
 * Dilation never reaches beyond the grid; erosion treats beyond the grid as foreground (no border erosion), so
 * {@code erode(dilate(A, r), r) ⊇ A} and {@code dilate(erode(A, r), r) ⊆ A} hold exactly.
 *
 * <pre>{@code
 * LabelMask closed = Masks.erode(Masks.dilate(lungs, 3.0), 3.0);
 * double ml = Masks.volumeMl(liver, 1);
 * }</pre>
 */
public final class Masks {
    private static final double TOLERANCE = 1e-9;

    private Masks() {
    }

    /** Voxels where {@code a} or {@code b} is non-zero; both must share a grid. */
    public static LabelMask union(LabelMask a, LabelMask b, String name) {
        return combine(a, b, name, true);
    }

    /** Voxels where both {@code a} and {@code b} are non-zero; both must share a grid. */
    public static LabelMask intersection(LabelMask a, LabelMask b, String name) {
        return combine(a, b, name, false);
    }

    /** The voxels of one label as a binary mask named after that class. */
    public static LabelMask select(LabelMask m, int label) {
        byte[] l = m.labels();
        byte[] out = new byte[l.length];
        for (int p = 0; p < l.length; p++) {
            out[p] = (byte) ((l[p] & 0xff) == label ? 1 : 0);
        }
        String name = label >= 1 && label <= m.classNames().size() ? m.classNames().get(label - 1) : "label " + label;
        return binary(m, out, name);
    }

    /** Foreground grown by a sphere of {@code radiusMm}. */
    public static LabelMask dilate(LabelMask m, double radiusMm) {
        checkRadius(radiusMm);
        double[] d = DistanceTransforms.squaredMm(foreground(m, true), m.grid());
        return binary(m, within(d, radiusMm, true), nameOf(m));
    }

    /** Foreground shrunk by a sphere of {@code radiusMm}: voxels whose whole element lies in the foreground. */
    public static LabelMask erode(LabelMask m, double radiusMm) {
        checkRadius(radiusMm);
        double[] d = DistanceTransforms.squaredMm(foreground(m, false), m.grid());
        return binary(m, within(d, radiusMm, false), nameOf(m));
    }

    /** Index box around the voxels of {@code label}, or empty when none carry it. */
    public static Optional<IndexBox> boundingBox(LabelMask m, int label) {
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        for (int z = 0; z < m.depth(); z++) {
            for (int y = 0; y < m.height(); y++) {
                for (int x = 0; x < m.width(); x++) {
                    if (m.get(x, y, z) == label) {
                        lo[0] = Math.min(lo[0], x);
                        lo[1] = Math.min(lo[1], y);
                        lo[2] = Math.min(lo[2], z);
                        hi[0] = Math.max(hi[0], x);
                        hi[1] = Math.max(hi[1], y);
                        hi[2] = Math.max(hi[2], z);
                    }
                }
            }
        }
        return hi[0] < 0 ? Optional.empty()
                : Optional.of(new IndexBox(lo[0], lo[1], lo[2], hi[0] + 1, hi[1] + 1, hi[2] + 1));
    }

    /** Volume of the voxels of {@code label} in millilitres (voxel count × voxel volume in mm³ / 1000). */
    public static double volumeMl(LabelMask m, int label) {
        double[] s = m.geometry().spacing();
        return m.count(label) * s[0] * s[1] * s[2] / 1000.0;
    }

    /** The labels as a volume of the same grid (for NIfTI output); intensity units {@code label}. */
    public static Volume toVolume(LabelMask m) {
        byte[] l = m.labels();
        float[] f = new float[l.length];
        for (int p = 0; p < l.length; p++) {
            f[p] = l[p] & 0xff;
        }
        IntensityInfo info = new IntensityInfo("SEG", "label", false, Optional.empty(),
                IntensityInfo.Photometric.MONOCHROME2);
        return Volume.wrap(m.grid(), f, info);
    }

    /** A label volume (values 0..255, integers) as a mask with the given class names. */
    public static LabelMask fromVolume(Volume v, List<String> classNames, String source) {
        float[] f = v.raw();
        byte[] l = new byte[f.length];
        for (int p = 0; p < f.length; p++) {
            if (f[p] < 0 || f[p] > 255 || f[p] != Math.rint(f[p])) {
                throw new IllegalArgumentException("voxel " + p + " is " + f[p] + ", not a label 0..255");
            }
            l[p] = (byte) (int) f[p];
        }
        return new LabelMask(v.grid(), l, classNames, source);
    }

    private static LabelMask combine(LabelMask a, LabelMask b, String name, boolean union) {
        if (!a.grid().sameGrid(b.grid(), 1e-4)) {
            throw new IllegalArgumentException("masks are on different grids: " + a.geometry() + " vs "
                    + b.geometry());
        }
        byte[] x = a.labels();
        byte[] y = b.labels();
        byte[] out = new byte[x.length];
        for (int p = 0; p < x.length; p++) {
            boolean fa = x[p] != 0;
            boolean fb = y[p] != 0;
            out[p] = (byte) ((union ? fa || fb : fa && fb) ? 1 : 0);
        }
        return binary(a, out, name);
    }

    private static boolean[] foreground(LabelMask m, boolean value) {
        byte[] l = m.labels();
        boolean[] f = new boolean[l.length];
        for (int p = 0; p < l.length; p++) {
            f[p] = (l[p] != 0) == value;
        }
        return f;
    }

    private static byte[] within(double[] squared, double radiusMm, boolean inside) {
        double limit = radiusMm * radiusMm * (1 + TOLERANCE) + TOLERANCE;
        byte[] out = new byte[squared.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = (byte) ((squared[p] <= limit) == inside ? 1 : 0);
        }
        return out;
    }

    private static String nameOf(LabelMask m) {
        return m.classNames().size() == 1 ? m.classNames().get(0) : "foreground";
    }

    private static LabelMask binary(LabelMask like, byte[] labels, String name) {
        return new LabelMask(like.grid(), labels, List.of(name), like.source());
    }

    private static void checkRadius(double r) {
        if (!(r >= 0) || !Double.isFinite(r)) {
            throw new IllegalArgumentException("radius must be finite and >= 0 mm, got " + r);
        }
    }
}
