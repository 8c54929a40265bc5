package org.radlens.validation.metrics;

import org.radlens.volume3d.Image2D;

/**
 * Phrase-grounding metrics of a heat map (channel 0 of an {@link Image2D} on the image's pixel grid, higher = more
 * related to the query) against a target region (a {@link BinaryMask} on the same grid; boxes via
 * {@link ReferenceBox#rasterize}).
 *
 * <p>Pointing game: a hit when the map's maximum lies in the target; the maximum is the first one in row-major
 * order (numpy's {@code argmax}). Thresholded overlap: pixels with value {@code >= threshold} form the predicted
 * region, scored with {@link Segmentation#iou} and {@link Segmentation#dice}. Contrast-to-noise ratio:
 * {@code |μ_in − μ_out| / sqrt(σ²_in + σ²_out)} with population variances (ddof = 0), as in BioViL (Boecking et
 * al. 2022). Non-finite map values, an empty target, a target covering the whole image, or two constant regions
 * (CNR 0/0 or x/0) throw {@link IllegalArgumentException}.
 */
public final class Grounding {
    private Grounding() {
    }

    /** True when the map's first maximum lies in the target. */
    public static boolean pointingHit(Image2D map, BinaryMask target) {
        float[] v = values(map, target);
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return target.at(best);
    }

    /** Pixels whose value is {@code >= threshold}, with the target's spacing. */
    public static BinaryMask threshold(Image2D map, double threshold, double[] spacing) {
        float[] v = map.channel(0);
        boolean[] b = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = v[i] >= threshold;
        }
        return new BinaryMask(map.width(), map.height(), 1, b, spacing);
    }

    /** IoU of the thresholded map with the target. */
    public static double iou(Image2D map, BinaryMask target, double threshold) {
        values(map, target);
        return Segmentation.iou(threshold(map, threshold, target.spacing()), target);
    }

    /** Dice of the thresholded map with the target. */
    public static double dice(Image2D map, BinaryMask target, double threshold) {
        values(map, target);
        return Segmentation.dice(threshold(map, threshold, target.spacing()), target);
    }

    /** Contrast-to-noise ratio of the map inside versus outside the target. */
    public static double cnr(Image2D map, BinaryMask target) {
        float[] v = values(map, target);
        double[] in = new double[3];
        double[] out = new double[3];
        for (int i = 0; i < v.length; i++) {
            double[] acc = target.at(i) ? in : out;
            acc[0]++;
            acc[1] += v[i];
            acc[2] += (double) v[i] * v[i];
        }
        if (in[0] == 0 || out[0] == 0) {
            throw new IllegalArgumentException("CNR needs pixels inside and outside the target: " + (long) in[0]
                    + " inside, " + (long) out[0] + " outside");
        }
        double mi = in[1] / in[0];
        double mo = out[1] / out[0];
        double var = Math.max(0, in[2] / in[0] - mi * mi) + Math.max(0, out[2] / out[0] - mo * mo);
        if (var == 0) {
            throw new IllegalArgumentException("CNR undefined: both regions are constant (inside " + mi
                    + ", outside " + mo + ")");
        }
        return Math.abs(mi - mo) / Math.sqrt(var);
    }

    private static float[] values(Image2D map, BinaryMask target) {
        if (map.width() != target.width() || map.height() != target.height() || target.depth() != 1) {
            throw new IllegalArgumentException("heat map " + map.width() + "x" + map.height() + " and target "
                    + target.width() + "x" + target.height() + "x" + target.depth() + " differ in size");
        }
        float[] v = map.channel(0);
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException("heat map value at pixel " + i + " is not finite: " + v[i]);
            }
        }
        return v;
    }
}
