package org.radlens.cli.demo;

import org.radlens.volume3d.Image2D;

/**
 * Value range of an image over all channels.
 *
 * @param min  smallest sample
 * @param max  largest sample
 * @param mean arithmetic mean of all samples
 */
public record ImageStats(double min, double max, double mean) {

    /** Computes the statistics in one pass (double accumulation). */
    public static ImageStats of(Image2D image) {
        float[] v = image.data();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
            sum += x;
        }
        return new ImageStats(min, max, sum / v.length);
    }
}
