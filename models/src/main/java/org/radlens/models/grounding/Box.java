package org.radlens.models.grounding;

/**
 * An axis-aligned box in original-image pixels: columns {@code x … x+w−1}, rows {@code y … y+h−1}.
 *
 * @param x     first column
 * @param y     first row
 * @param w     width in pixels (≥ 1)
 * @param h     height in pixels (≥ 1)
 * @param score the highest map value inside the region the box bounds
 */
public record Box(int x, int y, int w, int h, double score) {
    public Box {
        if (w < 1 || h < 1) {
            throw new IllegalArgumentException("box needs w, h >= 1: " + w + "x" + h);
        }
    }

    /** Intersection over union with another box (pixel counts). */
    public double iou(Box o) {
        int ix = Math.max(0, Math.min(x + w, o.x + o.w) - Math.max(x, o.x));
        int iy = Math.max(0, Math.min(y + h, o.y + o.h) - Math.max(y, o.y));
        double inter = (double) ix * iy;
        return inter / ((double) w * h + (double) o.w * o.h - inter);
    }
}
