package org.radlens.validation.metrics;

/**
 * A reference (annotated) box of a grounding manifest, in image pixels, COCO convention: (x, y) is the top-left
 * corner, real-valued, no score (unlike models' {@code PixelBox}, the grounder's scored whole-pixel box); pixel
 * (i, j) covers {@code [i, i+1) × [j, j+1)}. A pixel belongs to the box iff its centre {@code (i + ½, j + ½)} lies in
 * {@code [x, x + w) × [y, y + h)}.
 */
public record ReferenceBox(double x, double y, double w, double h) {
    public ReferenceBox {
        if (!(Double.isFinite(x) && Double.isFinite(y) && w > 0 && h > 0 && Double.isFinite(w) && Double.isFinite(h))) {
            throw new IllegalArgumentException("box needs finite x, y and w, h > 0: " + x + ", " + y + ", " + w + ", " + h);
        }
    }

    /** True when pixel (i, j)'s centre lies inside. */
    public boolean containsPixel(int i, int j) {
        double cx = i + 0.5;
        double cy = j + 0.5;
        return cx >= x && cx < x + w && cy >= y && cy < y + h;
    }

    /** The box as a mask on a width × height grid with the given pixel spacing. */
    public BinaryMask rasterize(int width, int height, double sx, double sy) {
        boolean[] v = new boolean[width * height];
        for (int j = 0; j < height; j++) {
            for (int i = 0; i < width; i++) {
                v[j * width + i] = containsPixel(i, j);
            }
        }
        return BinaryMask.planar(width, height, v, sx, sy);
    }
}
