package org.radlens.fiji;

import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/**
 * How float values are stored in an ImageJ processor without losing them: 8-bit, 16-bit with an offset
 * ({@code raw = value + offset}), or 32-bit float. See {@link ImagePlusConversions} for the rule.
 *
 * @param bits   8, 16 or 32
 * @param offset added to values to get the stored 16-bit samples (0 otherwise)
 */
record PixelEncoding(int bits, int offset) {
    private static final int SIGNED_OFFSET = 32768;

    /** The smallest exact encoding for {@code values} with {@code units}. */
    static PixelEncoding choose(float[] values, String units) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            if (!Float.isFinite(v) || v != Math.rint(v)) {
                return new PixelEncoding(32, 0);
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min >= 0 && max <= 255 && "raw".equals(units)) {
            return new PixelEncoding(8, 0);
        }
        if (min >= 0 && max <= 65535) {
            return new PixelEncoding(16, 0);
        }
        if (min >= -SIGNED_OFFSET && max <= SIGNED_OFFSET - 1) {
            return new PixelEncoding(16, SIGNED_OFFSET);
        }
        if (max - min <= 65535) {
            return new PixelEncoding(16, (int) -min);
        }
        return new PixelEncoding(32, 0);
    }

    /** Whether the ImagePlus needs a calibration function to show the values (shifted, or in physical units). */
    boolean functionNeeded(String units) {
        return bits == 16 && (offset != 0 || !"raw".equals(units));
    }

    /** A processor holding {@code w·h} values starting at {@code from}. */
    ImageProcessor processor(float[] values, int from, int w, int h) {
        int n = w * h;
        switch (bits) {
            case 8 -> {
                byte[] px = new byte[n];
                for (int i = 0; i < n; i++) {
                    px[i] = (byte) (int) values[from + i];
                }
                return new ByteProcessor(w, h, px);
            }
            case 16 -> {
                short[] px = new short[n];
                for (int i = 0; i < n; i++) {
                    px[i] = (short) ((int) values[from + i] + offset);
                }
                return new ShortProcessor(w, h, px, null);
            }
            default -> {
                float[] px = new float[n];
                System.arraycopy(values, from, px, 0, n);
                return new FloatProcessor(w, h, px);
            }
        }
    }
}
