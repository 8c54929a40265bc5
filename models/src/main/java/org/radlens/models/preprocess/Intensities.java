package org.radlens.models.preprocess;

import org.radlens.models.pkg.ModelManifest.IntensitySpec;
import org.radlens.volume3d.IntensityInfo;

import java.util.Arrays;
import java.util.Optional;

/** Intensity steps of the preprocessing: grey conversion with MONOCHROME1 inversion, and mapping to {@code [0, 1]}. */
public final class Intensities {
    private static final int MAX_HISTOGRAM_BINS = 1 << 20;
    private Intensities() {
    }

    /**
     * One grey plane: colour → luminance (BT.601), then MONOCHROME1 inverted as {@code v' = max + min − v} so that
     * higher is brighter.
     */
    public static float[] grey(org.radlens.volume3d.Image2D image) {
        org.radlens.volume3d.Image2D g = image.toGray();
        float[] v = g.channel(0);
        invertMonochrome1(image, v);
        return v;
    }

    /**
     * Like {@link #grey}, but a single-channel image that needs no inversion gives its own samples, not a copy
     * ({@link org.radlens.volume3d.Image2D#sharedGreySamples}): the caller must not write the result.
     */
    static float[] greyReadOnly(org.radlens.volume3d.Image2D image) {
        boolean m1 = image.intensity().photometric() == IntensityInfo.Photometric.MONOCHROME1;
        return image.channels() == 1 && !m1 ? image.sharedGreySamples() : grey(image);
    }

    private static void invertMonochrome1(org.radlens.volume3d.Image2D image, float[] v) {
        if (image.intensity().photometric() == IntensityInfo.Photometric.MONOCHROME1) {
            float[] mm = minMax(v);
            float min = mm[0];
            float max = mm[1];
            for (int i = 0; i < v.length; i++) {
                v[i] = max + min - v[i];
            }
        }
    }

    /**
     * The source's default window in the units of {@link #grey}'s output: a MONOCHROME1 image's window is mirrored the
     * same way as its values ({@code c' = max + min − c}; min and max are unchanged by the inversion).
     */
    public static Optional<IntensityInfo.Window> windowAfterInversion(org.radlens.volume3d.Image2D image, float[] grey) {
        Optional<IntensityInfo.Window> w = image.intensity().defaultWindow();
        if (w.isEmpty() || image.intensity().photometric() != IntensityInfo.Photometric.MONOCHROME1) {
            return w;
        }
        float[] mm = minMax(grey);
        float min = mm[0];
        float max = mm[1];
        return Optional.of(new IntensityInfo.Window((double) max + min - w.get().center(), w.get().width()));
    }

    /** {min, max} of the values ({+inf, -inf} for none; a NaN value makes both NaN). */
    public static float[] minMax(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float f : values) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        return new float[] {min, max};
    }

    /** The nearest-rank percentile {@code p} (0–100) of the values: the ⌈p/100·n⌉-th smallest (the smallest for p = 0). */
    public static float percentile(float[] sorted, double p) {
        return sorted[rankIndex(p, sorted.length)];
    }

    /** The {low, high} values that map to 0 and 1 under {@code spec} (the window of the source when asked for). */
    public static float[] range(float[] values, IntensitySpec spec, Optional<IntensityInfo.Window> window) {
        switch (spec.mode()) {
            case MINMAX:
                return minMax(values);
            case WINDOW:
                if (window.isPresent()) {
                    return new float[] {(float) window.get().lower(), (float) window.get().upper()};
                }
                return percentiles(values, 0.5, 99.5);
            case PERCENTILE:
            default:
                return percentiles(values, spec.low(), spec.high());
        }
    }

    /** Maps values in place: {@code (v − lo)/(hi − lo)} clipped to [0, 1]; all zeros when hi ≤ lo. */
    public static void toUnit(float[] values, float lo, float hi) {
        float span = hi - lo;
        for (int i = 0; i < values.length; i++) {
            values[i] = unit(values[i], lo, span);
        }
    }

    /** One value of {@link #toUnit}: {@code (v − lo)/span} clipped to [0, 1]; 0 when {@code span ≤ 0}. */
    static float unit(float v, float lo, float span) {
        float u = span > 0 ? (v - lo) / span : 0f;
        return u < 0 ? 0f : (u > 1 ? 1f : u);
    }

    /**
     * Nearest-rank {low, high} percentiles. Integer-valued images (8/16-bit, HU) use an exact counting histogram, O(n);
     * anything else is sorted.
     */
    static float[] percentiles(float[] values, double low, double high) {
        int[] counts = IntegerHistogram.of(values);
        if (counts != null) { // the common case: 8–16-bit stored values or HU, one pass
            return new float[] {IntegerHistogram.value(counts, rankIndex(low, values.length)),
                IntegerHistogram.value(counts, rankIndex(high, values.length))};
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        boolean integral = true;
        for (float f : values) {
            min = Math.min(min, f);
            max = Math.max(max, f);
            integral &= f == Math.rint(f);
        }
        if (integral && (double) max - min < MAX_HISTOGRAM_BINS) {
            int[] hist = new int[(int) (max - min) + 1];
            for (float f : values) {
                hist[(int) (f - min)]++;
            }
            return new float[] {min + IntegerHistogram.bin(hist, rankIndex(low, values.length)),
                min + IntegerHistogram.bin(hist, rankIndex(high, values.length))};
        }
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        return new float[] {percentile(sorted, low), percentile(sorted, high)};
    }

    private static int rankIndex(double p, int n) {
        return Math.min(n - 1, Math.max(0, (int) Math.ceil(p / 100.0 * n) - 1));
    }
}
