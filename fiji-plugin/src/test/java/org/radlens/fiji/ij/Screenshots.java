package org.radlens.fiji.ij;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Checks screen captures: not blank, and the image window's region changed when the overlay was added. */
final class Screenshots {
    private Screenshots() {
    }

    static void check(Path plain, Path overlay, Path window) throws IOException {
        BufferedImage a = ImageIO.read(plain.toFile());
        BufferedImage b = ImageIO.read(overlay.toFile());
        assertTrue(greyStdDev(b, 0, 0, b.getWidth(), b.getHeight()) > 10, "screenshot is blank");
        String[] w = Files.readString(window).trim().split(",");
        int x = Integer.parseInt(w[0]);
        int y = Integer.parseInt(w[1]);
        int ww = Math.min(Integer.parseInt(w[2]), b.getWidth() - x);
        int wh = Math.min(Integer.parseInt(w[3]), b.getHeight() - y);
        assertTrue(Integer.parseInt(w[4]) >= 1, "boxes in the ROI Manager");
        assertTrue(greyStdDev(a, x, y, ww, wh) > 10, "the plain image window shows the radiograph");
        long changed = 0;
        long colour = 0;
        for (int yy = y; yy < y + wh; yy++) {
            for (int xx = x; xx < x + ww; xx++) {
                int p = a.getRGB(xx, yy);
                int q = b.getRGB(xx, yy);
                changed += p != q ? 1 : 0;
                int r = (q >> 16) & 0xff;
                int g = (q >> 8) & 0xff;
                int bl = q & 0xff;
                colour += Math.abs(r - g) > 30 || Math.abs(g - bl) > 30 ? 1 : 0;
            }
        }
        long n = (long) ww * wh;
        assertTrue(changed > n / 4, "overlay changed " + changed + " of " + n + " window pixels");
        assertTrue(colour > n / 10, "heat-map colours in " + colour + " of " + n + " window pixels");
    }

    private static double greyStdDev(BufferedImage img, int x0, int y0, int w, int h) {
        double sum = 0;
        double sq = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int p = img.getRGB(x, y);
                double g = (((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)) / 3.0;
                sum += g;
                sq += g * g;
            }
        }
        double n = (double) w * h;
        return Math.sqrt(Math.max(0, sq / n - (sum / n) * (sum / n)));
    }
}
