package org.radlens.models.grounding;

/**
 * A box the grounder found: whole original-image pixels around one region of a heat map, columns
 * {@code x … x+w−1}, rows {@code y … y+h−1}, with the region's score. Not to be confused with validation's
 * {@code ReferenceBox} (an annotated COCO box in continuous pixel coordinates, no score) or dicom-io's
 * {@code ReportContent.Box} (the SR region: finding, score, corners {@code (x, y)–(x+w, y+h)}, written from a
 * PixelBox by the scoring engine).
 *
 * @param x     first column
 * @param y     first row
 * @param w     width in pixels (≥ 1)
 * @param h     height in pixels (≥ 1)
 * @param score the highest map value inside the region the box bounds
 */
public record PixelBox(int x, int y, int w, int h, double score) {
    public PixelBox {
        if (w < 1 || h < 1) {
            throw new IllegalArgumentException("box needs w, h >= 1: " + w + "x" + h);
        }
    }

    /** Intersection over union with another box (pixel counts). */
    public double iou(PixelBox o) {
        int ix = Math.max(0, Math.min(x + w, o.x + o.w) - Math.max(x, o.x));
        int iy = Math.max(0, Math.min(y + h, o.y + o.h) - Math.max(y, o.y));
        double inter = (double) ix * iy;
        return inter / ((double) w * h + (double) o.w * o.h - inter);
    }
}
