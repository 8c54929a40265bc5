package org.radlens.validation.eval;

import java.nio.file.Path;

/**
 * Image and text embeddings in a shared space (retrieval). Vectors need not be normalised: similarities are
 * cosines. Model-backed: the models module's image and text encoders; precomputed: {@link CsvEmbeddingSource}.
 */
public interface EmbeddingSource extends AutoCloseable {
    float[] embedImage(Path image) throws SourceException;

    float[] embedText(String text) throws SourceException;

    ModelInfo model();

    /** Releases the model (no checked exceptions: a source that fails to close logs and goes on). */
    @Override
    default void close() {
    }
}
