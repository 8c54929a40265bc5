package org.radlens.pipeline.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.radlens.models.grounding.HeatMap;
import org.radlens.models.grounding.PixelBox;
import org.radlens.models.pkg.ModelManifest.IntensityMode;
import org.radlens.models.pkg.ModelManifest.IntensitySpec;
import org.radlens.models.preprocess.Intensities;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.LabelMask;

/**
 * The one renderer of overlay pixels: the grey image (display-windowed), heat maps blended over it (its own min–max,
 * blue → red, 45 % opacity) with their boxes, and mask outlines. The CLI writes these as PNGs ({@code cli.Overlays});
 * the scorer puts the heat-map blend into the Secondary Capture ({@link #rgb}).
 *
 * <pre>{@code
 * BufferedImage png = OverlayRenderer.heat(OverlayRenderer.grey(image), grounding.map(), grounding.boxes());
 * }</pre>
 */
public final class OverlayRenderer {
    private static final Color[] PALETTE = {Color.GREEN, Color.CYAN, Color.MAGENTA, Color.YELLOW, Color.ORANGE,
        Color.PINK, Color.BLUE, Color.RED};
    private static final float HEAT_ALPHA = 0.45f;

    private OverlayRenderer() {
    }

    /** The image as 8-bit grey RGB for display: MONOCHROME1 inverted, percentile 0.5–99.5 window. */
    public static BufferedImage grey(Image2D image) {
        float[] v = Intensities.grey(image);
        float[] r = Intensities.range(v, new IntensitySpec(IntensityMode.PERCENTILE, 0.5, 99.5), Optional.empty());
        Intensities.toUnit(v, r[0], r[1]);
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int g = Math.round(v[y * image.width() + x] * 255);
                out.setRGB(x, y, (g << 16) | (g << 8) | g);
            }
        }
        return out;
    }

    /** Blends the heat map (its own min–max, blue → red) over {@code base}, then draws the boxes. */
    public static BufferedImage heat(BufferedImage base, HeatMap map, List<PixelBox> boxes) {
        float[] range = map.range();
        float span = range[1] > range[0] ? range[1] - range[0] : 1;
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                float t = (map.get(x, y) - range[0]) / span;
                base.setRGB(x, y, blend(base.getRGB(x, y), jet(t), HEAT_ALPHA));
            }
        }
        Graphics2D g = base.createGraphics();
        g.setStroke(new BasicStroke(Math.max(1, map.width() / 300f)));
        g.setColor(Color.WHITE);
        for (PixelBox b : boxes) {
            g.drawRect(b.x(), b.y(), b.w() - 1, b.h() - 1);
        }
        g.dispose();
        return base;
    }

    /** Draws the boundary pixels of every label in its palette colour. */
    public static BufferedImage outline(BufferedImage base, LabelMask mask) {
        int w = mask.width();
        int h = mask.height();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int l = mask.get(x, y, 0);
                if (l == 0) {
                    continue;
                }
                boolean edge = x == 0 || y == 0 || x == w - 1 || y == h - 1 || mask.get(x - 1, y, 0) != l
                        || mask.get(x + 1, y, 0) != l || mask.get(x, y - 1, 0) != l || mask.get(x, y + 1, 0) != l;
                if (edge) {
                    base.setRGB(x, y, PALETTE[(l - 1) % PALETTE.length].getRGB());
                }
            }
        }
        return base;
    }

    /** Interleaved R, G, B bytes of an RGB image, row by row (the pixel data of a Secondary Capture). */
    public static byte[] rgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        byte[] out = new byte[3 * argb.length];
        for (int i = 0; i < argb.length; i++) {
            out[3 * i] = (byte) (argb[i] >> 16);
            out[3 * i + 1] = (byte) (argb[i] >> 8);
            out[3 * i + 2] = (byte) argb[i];
        }
        return out;
    }

    private static int jet(float t) {
        float r = clamp(1.5f - Math.abs(4 * t - 3));
        float g = clamp(1.5f - Math.abs(4 * t - 2));
        float b = clamp(1.5f - Math.abs(4 * t - 1));
        return (Math.round(r * 255) << 16) | (Math.round(g * 255) << 8) | Math.round(b * 255);
    }

    private static int blend(int under, int over, float a) {
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            int u = (under >> shift) & 0xff;
            int o = (over >> shift) & 0xff;
            out |= Math.round(u * (1 - a) + o * a) << shift;
        }
        return out;
    }

    private static float clamp(float v) {
        return Math.max(0, Math.min(1, v));
    }
}
