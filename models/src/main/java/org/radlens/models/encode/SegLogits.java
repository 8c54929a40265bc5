package org.radlens.models.encode;

/**
 * Raw segmentation logits {@code [K, height, width]} covering the whole {@code S × S} model input.
 *
 * @param classes number of channels K
 * @param height  rows S'
 * @param width   columns S'
 * @param logits  {@code K·height·width} values, planar by class, row-major (copied)
 */
public record SegLogits(int classes, int height, int width, float[] logits) {
    public SegLogits {
        if (logits.length != classes * height * width) {
            throw new IllegalArgumentException(logits.length + " logits for " + classes + "x" + height + "x" + width);
        }
        logits = logits.clone();
    }

    @Override
    public float[] logits() {
        return logits.clone();
    }

    /** Class k's plane, a copy. */
    public float[] plane(int k) {
        float[] p = new float[height * width];
        System.arraycopy(logits, k * height * width, p, 0, p.length);
        return p;
    }
}
