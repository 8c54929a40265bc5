package org.radlens.validation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Headless Java2D charts on the unit square (ROC, precision–recall, reliability diagrams), written as PNG.
 *
 * <pre>{@code
 * Plots.unitSquare(out.resolve("roc.png"), "ROC", "1 - specificity", "sensitivity", series, true);
 * }</pre>
 */
public final class Plots {
    static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};
    private static final int W = 800;
    private static final int H = 520;
    private static final int LEFT = 70;
    private static final int TOP = 40;
    private static final int SIZE = 420;

    private Plots() {
    }

    /** A chart of [0,1]×[0,1] with optional diagonal, one line per series, and a legend. */
    public static void unitSquare(Path png, String title, String xLabel, String yLabel, List<Series> series,
                                  boolean diagonal) throws IOException {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            axes(g, title, xLabel, yLabel);
            if (diagonal) {
                g.setColor(Color.LIGHT_GRAY);
                g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f}, 0f));
                g.drawLine(px(0), py(0), px(1), py(1));
            }
            for (int s = 0; s < series.size(); s++) {
                curve(g, series.get(s), PALETTE[s % PALETTE.length], s);
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(img, "png", png.toFile())) {
            throw new IOException("no PNG writer available for " + png);
        }
    }

    private static void axes(Graphics2D g, String title, String xLabel, String yLabel) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, TOP, SIZE, SIZE);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 5; i++) {
            double v = i / 5.0;
            String t = String.format(Locale.ROOT, "%.1f", v);
            g.drawLine(px(v), py(0), px(v), py(0) + 4);
            g.drawString(t, px(v) - 9, py(0) + 18);
            g.drawLine(px(0) - 4, py(v), px(0), py(v));
            g.drawString(t, px(0) - 30, py(v) + 4);
        }
        g.drawString(xLabel, LEFT + SIZE / 2 - 4 * xLabel.length(), TOP + SIZE + 38);
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2);
        r.drawString(yLabel, -(TOP + SIZE / 2 + 4 * yLabel.length()), 22);
        r.dispose();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, LEFT, TOP - 14);
    }

    private static void curve(Graphics2D g, Series s, Color c, int index) {
        double[] x = s.x();
        double[] y = s.y();
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < x.length; i++) {
            if (i == 0) {
                path.moveTo(px(x[i]), py(y[i]));
            } else {
                path.lineTo(px(x[i]), py(y[i]));
            }
        }
        g.setColor(c);
        g.setStroke(new BasicStroke(2f));
        g.draw(path);
        if (x.length < 25) {
            for (int i = 0; i < x.length; i++) {
                g.fillOval(px(x[i]) - 3, py(y[i]) - 3, 6, 6);
            }
        }
        int ly = TOP + 16 + 18 * index;
        g.fillRect(LEFT + SIZE + 12, ly - 8, 14, 8);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(s.name(), LEFT + SIZE + 30, ly);
    }

    private static int px(double v) {
        return LEFT + (int) Math.round(clamp(v) * SIZE);
    }

    private static int py(double v) {
        return TOP + SIZE - (int) Math.round(clamp(v) * SIZE);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
