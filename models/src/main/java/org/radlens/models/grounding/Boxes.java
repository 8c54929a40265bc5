package org.radlens.models.grounding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.radlens.volume3d.Components;
import org.radlens.volume3d.ConnectedComponents;
import org.radlens.volume3d.Connectivity;

/** Boxes around the 8-connected regions of a map at or above a threshold. */
public final class Boxes {
    private Boxes() {
    }

    /**
     * Bounding boxes of the 8-connected regions where {@code values ≥ threshold}, each scored by the region's maximum,
     * highest score first; regions smaller than {@code minPixels} are dropped.
     */
    public static List<PixelBox> fromMap(float[] values, int width, int height, double threshold, int minPixels) {
        if (values.length != width * height) {
            throw new IllegalArgumentException(values.length + " values for " + width + "x" + height);
        }
        boolean[] in = new boolean[values.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = values[i] >= threshold; // NaN is never in
        }
        // one slice: 26-connectivity leaves the 8 in-plane neighbours; components are numbered in scan order
        Components c = ConnectedComponents.label(in, width, height, 1, Connectivity.TWENTY_SIX);
        long[] sizes = c.sizes();
        int n = sizes.length;
        int[] x0 = new int[n];
        int[] y0 = new int[n];
        int[] x1 = new int[n];
        int[] y1 = new int[n];
        double[] best = new double[n];
        java.util.Arrays.fill(x0, width);
        java.util.Arrays.fill(y0, height);
        java.util.Arrays.fill(x1, -1);
        java.util.Arrays.fill(y1, -1);
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        int[] ids = c.ids();
        for (int i = 0; i < ids.length; i++) {
            int k = ids[i] - 1;
            if (k >= 0) {
                int x = i % width;
                int y = i / width;
                x0[k] = Math.min(x0[k], x);
                x1[k] = Math.max(x1[k], x);
                y0[k] = Math.min(y0[k], y);
                y1[k] = Math.max(y1[k], y);
                best[k] = Math.max(best[k], values[i]);
            }
        }
        List<PixelBox> boxes = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (sizes[k] >= minPixels) {
                boxes.add(new PixelBox(x0[k], y0[k], x1[k] - x0[k] + 1, y1[k] - y0[k] + 1, best[k]));
            }
        }
        boxes.sort(Comparator.comparingDouble(PixelBox::score).reversed());
        return boxes;
    }

    /** Boxes of a heat map's regions at or above {@code threshold}. */
    public static List<PixelBox> fromHeatMap(HeatMap map, double threshold, int minPixels) {
        return fromMap(map.values(), map.width(), map.height(), threshold, minPixels);
    }
}
