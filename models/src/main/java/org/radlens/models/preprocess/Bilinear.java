package org.radlens.models.preprocess;

/**
 * Bilinear sampling and resizing of row-major float planes, pixel centres aligned (the convention of PyTorch's
 * {@code interpolate(..., mode="bilinear", align_corners=False)}), coordinates clamped to the edge.
 */
public final class Bilinear {
    private Bilinear() {
    }

    /** Value of {@code plane} ({@code w × h}) at continuous pixel-centre coordinates (x, y), edge-clamped. */
    public static float sample(float[] plane, int w, int h, double x, double y) {
        double cx = Math.min(Math.max(x, 0), w - 1);
        double cy = Math.min(Math.max(y, 0), h - 1);
        int x0 = (int) cx;
        int y0 = (int) cy;
        int x1 = Math.min(x0 + 1, w - 1);
        int y1 = Math.min(y0 + 1, h - 1);
        double fx = cx - x0;
        double fy = cy - y0;
        double top = plane[y0 * w + x0] * (1 - fx) + plane[y0 * w + x1] * fx;
        double bottom = plane[y1 * w + x0] * (1 - fx) + plane[y1 * w + x1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    /** Resizes {@code plane} ({@code w × h}) to {@code ow × oh}: source coordinate {@code (x + 0.5)·w/ow − 0.5}. */
    public static float[] resize(float[] plane, int w, int h, int ow, int oh) {
        if (plane.length != w * h) {
            throw new IllegalArgumentException("plane has " + plane.length + " values, not " + w + "x" + h);
        }
        float[] out = new float[ow * oh];
        double sx = (double) w / ow;
        double sy = (double) h / oh;
        for (int y = 0; y < oh; y++) {
            double ys = (y + 0.5) * sy - 0.5;
            for (int x = 0; x < ow; x++) {
                out[y * ow + x] = sample(plane, w, h, (x + 0.5) * sx - 0.5, ys);
            }
        }
        return out;
    }

    /**
     * Maps a map that covers the whole {@code size × size} model input (at any resolution {@code mw × mh}) back onto
     * the source pixel grid of {@code t}: bilinear up to {@code size × size}, then each source pixel samples the
     * input grid at {@link LetterboxTransform#toInput}.
     */
    public static float[] toSourceGrid(float[] map, int mw, int mh, LetterboxTransform t) {
        float[] full = toInputGrid(map, mw, mh, t);
        int w = t.sourceWidth();
        float[] row = new float[w];
        float[] out = new float[w * t.sourceHeight()];
        for (int y = 0; y < t.sourceHeight(); y++) {
            sourceRow(full, t, y, row);
            System.arraycopy(row, 0, out, y * w, w);
        }
        return out;
    }

    /** The first step of {@link #toSourceGrid}: {@code map} bilinearly at {@code size × size} (itself when it is). */
    public static float[] toInputGrid(float[] map, int mw, int mh, LetterboxTransform t) {
        int s = t.size();
        return (mw == s && mh == s) ? map : resize(map, mw, mh, s, s);
    }

    /**
     * Row {@code y} of {@link #toSourceGrid} into {@code out} (length ≥ source width), from the input-grid map
     * {@code full} ({@link #toInputGrid}): lets callers go row by row without a source-size plane.
     */
    public static void sourceRow(float[] full, LetterboxTransform t, int y, float[] out) {
        int s = t.size();
        double yi = (y + 0.5) * t.scale() + t.offsetY() - 0.5;
        for (int x = 0; x < t.sourceWidth(); x++) {
            out[x] = sample(full, s, s, (x + 0.5) * t.scale() + t.offsetX() - 0.5, yi);
        }
    }

    /**
     * Averages {@code f × f} blocks of {@code plane} ({@code w × h}) into a {@code ceil(w/f) × ceil(h/f)} plane; blocks
     * cut by the right or bottom edge average their valid pixels. {@code f ≤ 1} returns the plane itself.
     */
    public static float[] boxReduce(float[] plane, int w, int h, int f) {
        if (f <= 1) {
            return plane;
        }
        return boxReduceUnit(plane, w, h, f, Float.NaN, Float.NaN);
    }

    /**
     * {@link #boxReduce} of the plane mapped to unit range ({@link Intensities#toUnit} with {@code lo}, {@code hi}),
     * without writing the mapped plane: each value is mapped as it is added (same float per pixel, same summation
     * order, so the same result as mapping first). NaN {@code lo} and {@code hi}: no mapping. Needs {@code f ≥ 2}.
     */
    static float[] boxReduceUnit(float[] plane, int w, int h, int f, float lo, float hi) {
        if (f < 2 || plane.length != w * h) {
            throw new IllegalArgumentException("factor " + f + " < 2 or plane of " + plane.length + " values is not "
                    + w + "x" + h);
        }
        int rw = (w + f - 1) / f;
        int rh = (h + f - 1) / f;
        double[] sum = new double[rw * rh];
        UnitTable unit = Float.isNaN(lo) ? null : UnitTable.of(lo, hi);
        for (int y = 0; y < h; y++) {
            addRow(plane, y * w, w, f, sum, (y / f) * rw, unit);
        }
        float[] out = new float[rw * rh];
        int fullRows = h / f;
        for (int by = 0; by < rh; by++) {
            int rows = by < fullRows ? f : h - fullRows * f;
            for (int bx = 0; bx < rw; bx++) {
                int cols = Math.min(f, w - bx * f);
                out[by * rw + bx] = (float) (sum[by * rw + bx] / (rows * cols));
            }
        }
        return out;
    }

    /** Adds one source row to its block row of sums, block by block (per block the values go in source order). */
    private static void addRow(float[] plane, int base, int w, int f, double[] sum, int row, UnitTable unit) {
        for (int x0 = 0, b = row; x0 < w; x0 += f, b++) {
            int end = Math.min(w, x0 + f);
            double acc = sum[b];
            for (int x = x0; x < end; x++) {
                acc += unit != null ? unit.apply(plane[base + x]) : plane[base + x];
            }
            sum[b] = acc;
        }
    }
}
