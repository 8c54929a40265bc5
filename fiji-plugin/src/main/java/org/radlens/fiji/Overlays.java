package org.radlens.fiji;

import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.LutLoader;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import java.awt.Color;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.List;
import org.radlens.models.grounding.PixelBox;
import org.radlens.volume3d.LabelMask;

/**
 * Overlay elements on the source image's own pixel grid (so they map back exactly): heat maps as coloured
 * {@link ImageRoi}s, boxes as rectangles, label classes as traced selections. Nothing here touches pixels.
 */
public final class Overlays {
    /** Colour LUTs offered for heat maps (ImageJ built-ins). */
    public static final String[] LUTS = {"fire", "spectrum", "ice", "redgreen"};
    private static final Color[] PALETTE = {new Color(230, 25, 75), new Color(60, 180, 75), new Color(0, 130, 200),
        new Color(245, 130, 48), new Color(145, 30, 180), new Color(70, 240, 240), new Color(240, 50, 230)};

    private Overlays() {
    }

    /** A heat map as an overlay image: {@code lo..hi} → LUT 0..255, drawn at {@code opacity} (0–1). */
    public static ImageRoi heatMap(float[] values, int w, int h, float lo, float hi, String lut, double opacity) {
        byte[] px = new byte[w * h];
        float span = hi > lo ? hi - lo : 1;
        for (int i = 0; i < px.length; i++) {
            float t = (values[i] - lo) / span;
            px[i] = (byte) Math.round(255 * Math.max(0, Math.min(1, t)));
        }
        ByteProcessor bp = new ByteProcessor(w, h, px, lut(lut));
        ImageRoi roi = new ImageRoi(0, 0, bp);
        roi.setOpacity(opacity);
        return roi;
    }

    /** The ImageJ LUT called {@code name}, grey when unknown. */
    public static IndexColorModel lut(String name) {
        IndexColorModel cm = LutLoader.getLut(name);
        return cm != null ? cm : LutLoader.getLut("grays");
    }

    /** One rectangle per box, named {@code "<label> box <i> (<score>)"}. */
    public static List<Roi> boxes(List<PixelBox> boxes, String label) {
        List<Roi> out = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            PixelBox b = boxes.get(i);
            Roi r = new Roi(b.x(), b.y(), b.w(), b.h());
            r.setName(label + " box " + (i + 1) + String.format(" (%.3f)", b.score()));
            r.setStrokeColor(Color.YELLOW);
            r.setStrokeWidth(2);
            out.add(r);
        }
        return out;
    }

    /** One traced selection per non-empty class of slice {@code z} of {@code mask}, named by the class. */
    public static List<Roi> classRois(LabelMask mask, int z) {
        List<Roi> out = new ArrayList<>();
        int n = mask.width() * mask.height();
        byte[] labels = mask.labels();
        for (int c = 1; c <= mask.classNames().size(); c++) {
            byte[] bin = new byte[n];
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if ((labels[z * n + i] & 0xff) == c) {
                    bin[i] = (byte) 255;
                    any = true;
                }
            }
            if (!any) {
                continue;
            }
            ByteProcessor bp = new ByteProcessor(mask.width(), mask.height(), bin);
            bp.setThreshold(255, 255, ByteProcessor.NO_LUT_UPDATE);
            Roi roi = new ThresholdToSelection().convert(bp);
            if (roi != null) {
                roi.setName(mask.classNames().get(c - 1));
                roi.setStrokeColor(colour(c));
                out.add(roi);
            }
        }
        return out;
    }

    /** A label LUT: 0 black, then distinct colours. */
    public static IndexColorModel labelLut() {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int v = 1; v < 256; v++) {
            Color c = colour(v);
            r[v] = (byte) c.getRed();
            g[v] = (byte) c.getGreen();
            b[v] = (byte) c.getBlue();
        }
        return new IndexColorModel(8, 256, r, g, b);
    }

    /** Colour of label {@code v} (1-based). */
    public static Color colour(int v) {
        return PALETTE[(v - 1) % PALETTE.length];
    }

    /** Adds {@code rois} (positions as set) to the image's overlay and shows it. */
    public static void addAll(ImagePlus imp, List<? extends Roi> rois) {
        Overlay o = of(imp);
        for (Roi r : rois) {
            o.add(r);
        }
        imp.setOverlay(o);
    }

    /** Places {@code rois} on {@code slice} of a stack (all slices of a single image) and adds them. */
    public static void addAll(ImagePlus imp, List<? extends Roi> rois, int slice) {
        for (Roi r : rois) {
            r.setPosition(imp.getStackSize() > 1 ? slice : 0);
        }
        addAll(imp, rois);
    }

    /** The image's overlay, created when it has none. */
    public static Overlay of(ImagePlus imp) {
        Overlay o = imp.getOverlay();
        if (o == null) {
            o = new Overlay();
            imp.setOverlay(o);
        }
        return o;
    }
}
