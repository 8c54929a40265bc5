package org.radlens.validation.eval;

import java.nio.file.Path;
import org.radlens.validation.metrics.BinaryMask;

/**
 * A predicted binary mask of one class for an image, on the image's pixel grid with its spacing in mm.
 * Model-backed: the models module's segmenter ({@code BinaryMask.of(labelMask, label)}); precomputed:
 * {@link CsvMaskSource}.
 */
public interface MaskSource extends AutoCloseable {
    /** @param className the class from the manifest's class column, or "" when it has none */
    BinaryMask mask(Path image, String className) throws SourceException;

    ModelInfo model();

    /** Releases the model (no checked exceptions: a source that fails to close logs and goes on). */
    @Override
    default void close() {
    }
}
