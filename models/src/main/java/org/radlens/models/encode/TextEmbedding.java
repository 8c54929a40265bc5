package org.radlens.models.encode;

import java.util.EnumMap;
import java.util.Map;

/**
 * Text encoder output for one string.
 *
 * @param text       the input text
 * @param embeddings embedding per stream (D values, not normalised; copied)
 */
public record TextEmbedding(String text, Map<Stream, float[]> embeddings) {
    public TextEmbedding {
        EnumMap<Stream, float[]> copy = new EnumMap<>(Stream.class);
        embeddings.forEach((k, v) -> copy.put(k, v.clone()));
        if (!copy.containsKey(Stream.PATHOLOGY)) {
            throw new IllegalArgumentException("the PATHOLOGY text embedding is required");
        }
        embeddings = java.util.Collections.unmodifiableMap(copy);
    }

    /** The embedding of {@code stream} (a copy), falling back to {@link Stream#PATHOLOGY}. */
    public float[] embedding(Stream stream) {
        return embeddings.getOrDefault(stream, embeddings.get(Stream.PATHOLOGY)).clone();
    }
}
