package org.radlens.models.grounding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Boxes around the 8-connected regions of a map at or above a threshold. */
public final class Boxes {
    private Boxes() {
    }

    /**
     * Bounding boxes of the 8-connected regions where {@code values ≥ threshold}, each scored by the region's maximum,
     * highest score first; regions smaller than {@code minPixels} are dropped.
     */
    public static List<Box> fromMap(float[] values, int width, int height, double threshold, int minPixels) {
        if (values.length != width * height) {
            throw new IllegalArgumentException(values.length + " values for " + width + "x" + height);
        }
        boolean[] seen = new boolean[values.length];
        int[] queue = new int[values.length];
        List<Box> boxes = new ArrayList<>();
        for (int start = 0; start < values.length; start++) {
            if (seen[start] || !(values[start] >= threshold)) {
                continue;
            }
            flood(values, width, height, threshold, start, seen, queue, minPixels).ifPresent(boxes::add);
        }
        boxes.sort(Comparator.comparingDouble(Box::score).reversed());
        return boxes;
    }

    /** Boxes of a heat map's regions at or above {@code threshold}. */
    public static List<Box> fromHeatMap(HeatMap map, double threshold, int minPixels) {
        return fromMap(map.values(), map.width(), map.height(), threshold, minPixels);
    }

    private static Optional<Box> flood(float[] v, int w, int h, double threshold, int start, boolean[] seen, int[] queue,
                             int minPixels) {
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        seen[start] = true;
        int x0 = w;
        int y0 = h;
        int x1 = -1;
        int y1 = -1;
        double best = Double.NEGATIVE_INFINITY;
        while (head < tail) {
            int i = queue[head++];
            int x = i % w;
            int y = i / w;
            x0 = Math.min(x0, x);
            x1 = Math.max(x1, x);
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y);
            best = Math.max(best, v[i]);
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    int ny = y + dy;
                    int j = ny * w + nx;
                    if (nx >= 0 && ny >= 0 && nx < w && ny < h && !seen[j] && v[j] >= threshold) {
                        seen[j] = true;
                        queue[tail++] = j;
                    }
                }
            }
        }
        return tail < minPixels ? Optional.empty() : Optional.of(new Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1, best));
    }
}
