package org.radlens.models.preprocess;

/**
 * A counting histogram of integer-valued samples in one pass, for {@link Intensities#percentiles}: every sample must
 * be an integer in {@code [−65,536, 65,536)} (8–16-bit stored values, signed or not, Hounsfield units), else there is
 * no histogram and the caller takes its general path (NaN, fractions and larger values included). Reads a full-size
 * film once instead of twice (min/max/integrality, then counting): ≈ 4 ms instead of ≈ 14 for 7.5 million samples.
 */
final class IntegerHistogram {
    /** Bins: one per integer of {@code [−OFFSET, OFFSET)}. */
    private static final int OFFSET = 1 << 16;

    private IntegerHistogram() {
    }

    /** Counts per integer value (index = value + 65,536), or null when a sample is not such an integer. */
    static int[] of(float[] values) {
        if (values.length == 0) {
            return null;
        }
        int[] hist = new int[2 * OFFSET];
        for (float f : values) {
            int v = (int) f;
            if (v != f || v < -OFFSET || v >= OFFSET) { // (int) NaN is 0, never equal to NaN
                return null;
            }
            hist[v + OFFSET]++;
        }
        return hist;
    }

    /** The value of the {@code index}-th smallest sample (0-based) counted by {@link #of}. */
    static float value(int[] hist, int index) {
        return bin(hist, index) - OFFSET;
    }

    /** The bin holding the {@code index}-th smallest value (0-based) of any counting histogram. */
    static int bin(int[] hist, int index) {
        long seen = 0;
        for (int b = 0; b < hist.length; b++) {
            seen += hist[b];
            if (seen > index) {
                return b;
            }
        }
        return hist.length - 1;
    }
}
