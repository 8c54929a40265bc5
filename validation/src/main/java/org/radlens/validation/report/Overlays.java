package org.radlens.validation.report;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.radlens.validation.metrics.BinaryMask;
import org.radlens.validation.metrics.ReferenceBox;
import org.radlens.validation.metrics.Segmentation;
import org.radlens.volume3d.Image2D;

/**
 * Example overlays on the source image (drawn in its pixel grid): a grounding heat map (red, alpha by value) with
 * the reference boxes (green) and the map's maximum (yellow cross); or a segmentation's reference surface (green)
 * and predicted surface (red).
 */
public final class Overlays {
    private Overlays() {
    }

    /** Heat map over the image, reference box in green, pointing-game location as a yellow cross. */
    public static void grounding(BufferedImage base, Image2D heat, List<ReferenceBox> boxes, Path png)
            throws IOException {
        BufferedImage img = copy(base);
        Graphics2D g = img.createGraphics();
        try {
            float[] v = heat.channel(0);
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            int arg = 0;
            for (int i = 0; i < v.length; i++) {
                min = Math.min(min, v[i]);
                if (v[i] > max) {
                    max = v[i];
                    arg = i;
                }
            }
            float range = max > min ? max - min : 1;
            BufferedImage h = new BufferedImage(heat.width(), heat.height(), BufferedImage.TYPE_INT_ARGB);
            for (int i = 0; i < v.length; i++) {
                int a = (int) (160 * (v[i] - min) / range);
                h.setRGB(i % heat.width(), i / heat.width(), (a << 24) | 0xff0000);
            }
            g.drawImage(h, 0, 0, img.getWidth(), img.getHeight(), null);
            g.setStroke(new BasicStroke(2f));
            g.setColor(Color.GREEN);
            for (ReferenceBox b : boxes) {
                g.drawRect((int) Math.round(b.x()), (int) Math.round(b.y()), (int) Math.round(b.w()),
                        (int) Math.round(b.h()));
            }
            g.setColor(Color.YELLOW);
            int x = arg % heat.width();
            int y = arg / heat.width();
            g.drawLine(x - 8, y, x + 8, y);
            g.drawLine(x, y - 8, x, y + 8);
        } finally {
            g.dispose();
        }
        write(img, png);
    }

    /** Reference surface in green, predicted surface in red, over the image. */
    public static void segmentation(BufferedImage base, BinaryMask predicted, BinaryMask reference, Path png)
            throws IOException {
        BufferedImage img = copy(base);
        paint(img, Segmentation.surfaceOf(reference), 0x00ff00);
        paint(img, Segmentation.surfaceOf(predicted), 0xff0000);
        write(img, png);
    }

    private static void paint(BufferedImage img, BinaryMask m, int rgb) {
        int w = Math.min(m.width(), img.getWidth());
        int h = Math.min(m.height(), img.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (m.at(y * m.width() + x)) {
                    img.setRGB(x, y, rgb);
                }
            }
        }
    }

    private static BufferedImage copy(BufferedImage base) {
        BufferedImage img = new BufferedImage(base.getWidth(), base.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setComposite(AlphaComposite.Src);
        g.drawImage(base, 0, 0, null);
        g.dispose();
        return img;
    }

    private static void write(BufferedImage img, Path png) throws IOException {
        if (!ImageIO.write(img, "png", png.toFile())) {
            throw new IOException("no PNG writer available for " + png);
        }
    }
}
