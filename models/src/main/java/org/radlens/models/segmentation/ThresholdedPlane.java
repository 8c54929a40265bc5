package org.radlens.models.segmentation;

import org.radlens.models.preprocess.Bilinear;
import org.radlens.models.preprocess.LetterboxTransform;

/**
 * One sigmoid class thresholded on the source grid without sampling every source pixel: a source pixel's value is a
 * bilinear blend of the four input-grid values around it (what {@link Bilinear#toSourceGrid} computes), so along a
 * row every pixel between the same two input columns lies between those four corners. When all four are clearly
 * above (below) the cut of {@link Segmenter.Labeller}, the whole run is labelled 1 (0) at once; the runs that straddle
 * it, and any non-finite corner, are sampled pixel by pixel exactly as before. The labels are those of thresholding
 * {@code toSourceGrid}'s plane pixel by pixel (the slack covers double and float rounding of the blend).
 */
final class ThresholdedPlane {
    private ThresholdedPlane() {
    }

    /** Labels (0/1) of the input-grid plane {@code full} ({@code S × S}) on {@code t}'s source grid. */
    static byte[] labels(float[] full, LetterboxTransform t, Segmenter.Labeller labeller) {
        int s = t.size();
        int w = t.sourceWidth();
        int[] x0 = new int[w];
        int[] x1 = new int[w];
        for (int x = 0; x < w; x++) {
            double cx = Math.min(Math.max((x + 0.5) * t.scale() + t.offsetX() - 0.5, 0), s - 1);
            x0[x] = (int) cx;
            x1[x] = Math.min(x0[x] + 1, s - 1);
        }
        byte[] labels = new byte[w * t.sourceHeight()]; // 0 already: runs decided 0 are not written
        double[] z = new double[1];
        for (int y = 0; y < t.sourceHeight(); y++) {
            double yi = (y + 0.5) * t.scale() + t.offsetY() - 0.5;
            int y0 = (int) Math.min(Math.max(yi, 0), s - 1);
            int y1 = Math.min(y0 + 1, s - 1);
            for (int xa = 0; xa < w; ) {
                int xb = xa + 1;
                while (xb < w && x0[xb] == x0[xa]) {
                    xb++;
                }
                int run = decided(full, y0 * s, y1 * s, x0[xa], x1[xa], labeller.cut());
                if (run == 1) {
                    java.util.Arrays.fill(labels, y * w + xa, y * w + xb, (byte) 1);
                } else if (run < 0) {
                    for (int x = xa; x < xb; x++) {
                        z[0] = Bilinear.sample(full, s, s, (x + 0.5) * t.scale() + t.offsetX() - 0.5, yi);
                        labels[y * w + x] = (byte) labeller.label(z);
                    }
                }
                xa = xb;
            }
        }
        return labels;
    }

    /** 1 or 0 when the four corners decide every blend between them, else -1. */
    private static int decided(float[] full, int r0, int r1, int c0, int c1, double cut) {
        float a = full[r0 + c0];
        float b = full[r0 + c1];
        float c = full[r1 + c0];
        float d = full[r1 + c1];
        float lo = Math.min(Math.min(a, b), Math.min(c, d));
        float hi = Math.max(Math.max(a, b), Math.max(c, d));
        if (!Float.isFinite(lo) || !Float.isFinite(hi)) {
            return -1;
        }
        double slack = Segmenter.Labeller.MARGIN + 1e-5 * (1 + Math.max(Math.abs(lo), Math.abs(hi)));
        if (lo - slack > cut) {
            return 1;
        }
        return hi + slack < cut ? 0 : -1;
    }
}
