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
        int s = t.size();
        float[] full = (mw == s && mh == s) ? map : resize(map, mw, mh, s, s);
        int w = t.sourceWidth();
        int h = t.sourceHeight();
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            double yi = (y + 0.5) * t.scale() + t.offsetY() - 0.5;
            for (int x = 0; x < w; x++) {
                out[y * w + x] = sample(full, s, s, (x + 0.5) * t.scale() + t.offsetX() - 0.5, yi);
            }
        }
        return out;
    }

    /**
     * Averages {@code f × f} blocks of {@code plane} ({@code w × h}) into a {@code ceil(w/f) × ceil(h/f)} plane; blocks
     * cut by the right or bottom edge average their valid pixels. {@code f ≤ 1} returns the plane itself.
     */
    public static float[] boxReduce(float[] plane, int w, int h, int f) {
        if (f <= 1) {
            return plane;
        }
        int rw = (w + f - 1) / f;
        int rh = (h + f - 1) / f;
        double[] sum = new double[rw * rh];
        int[] count = new int[rw * rh];
        for (int y = 0; y < h; y++) {
            int row = (y / f) * rw;
            for (int x = 0; x < w; x++) {
                sum[row + x / f] += plane[y * w + x];
                count[row + x / f]++;
            }
        }
        float[] out = new float[rw * rh];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (sum[i] / count[i]);
        }
        return out;
    }
}
