package org.radlens.models.encode;

/**
 * Runtime knobs of the ONNX encoders.
 *
 * @param imageBatchSize most images per engine call (≥ 1)
 * @param textBatchSize  most texts per engine call (≥ 1)
 * @param intraOpThreads ONNX Runtime threads per call; ≤ 0 keeps the engine's default (all cores)
 */
public record EncoderOptions(int imageBatchSize, int textBatchSize, int intraOpThreads) {
    public EncoderOptions {
        if (imageBatchSize < 1 || textBatchSize < 1) {
            throw new IllegalArgumentException("batch sizes must be >= 1: " + imageBatchSize + ", " + textBatchSize);
        }
    }

    /** Batches of 8 images and 32 texts, engine-default threading. */
    public static EncoderOptions defaults() {
        return new EncoderOptions(8, 32, 0);
    }
}
