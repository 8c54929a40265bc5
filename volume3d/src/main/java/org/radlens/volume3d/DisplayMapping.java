package org.radlens.volume3d;

import org.radlens.volume3d.IntensityInfo.Window;

/**
 * Display mapping, kept apart from the raw values: a linear window (DICOM PS3.3 C.11.2.1.2 "LINEAR" function, with
 * the usual simplification {@code (v − lower) / width}) to [0, 1], inverted for MONOCHROME1 so that 1 is always
 * bright. Colour images map each channel alike. The input image is never changed.
 *
 * <pre>{@code
 * float[] disp = DisplayMapping.toUnit(img, DisplayMapping.defaultWindow(img));
 * }</pre>
 */
public final class DisplayMapping {
    private DisplayMapping() {
    }

    /** Brightness in [0, 1] for every sample (planar like {@link Image2D#data()}). */
    public static float[] toUnit(Image2D img, Window w) {
        float[] d = img.data();
        boolean invert = img.intensity().photometric().invertsForDisplay();
        double lo = w.lower();
        double width = w.width();
        for (int i = 0; i < d.length; i++) {
            double u = (d[i] - lo) / width;
            u = u < 0 ? 0 : u > 1 ? 1 : u;
            d[i] = (float) (invert ? 1 - u : u);
        }
        return d;
    }

    /** Brightness as unsigned 8-bit values 0..255 (planar). */
    public static byte[] toBytes(Image2D img, Window w) {
        float[] u = toUnit(img, w);
        byte[] b = new byte[u.length];
        for (int i = 0; i < u.length; i++) {
            b[i] = (byte) Math.round(u[i] * 255f);
        }
        return b;
    }

    /** The image's own default window if it has one, else its min..max range (width at least 1). */
    public static Window defaultWindow(Image2D img) {
        if (img.intensity().defaultWindow().isPresent()) {
            return img.intensity().defaultWindow().get();
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : img.data()) {
            if (Float.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return new Window(0.5, 1);
        }
        double width = Math.max(1, max - min);
        return new Window(min + width / 2, width);
    }
}
