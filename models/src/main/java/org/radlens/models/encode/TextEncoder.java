package org.radlens.models.encode;

import org.radlens.models.InferenceException;

import java.util.List;

/**
 * Strings → sentence embeddings per stream, tokenised with the package's {@code tokenizer.json} (special tokens added,
 * truncated to {@code max_length}, padded with the pad id to the longest text of a batch, int64 ids and attention
 * mask). Thread-safe; {@link #close()} frees the engine and the tokenizer.
 *
 * <pre>{@code
 * List<TextEmbedding> t = textEncoder.encode(List.of("pneumonia", "no pneumonia"));
 * }</pre>
 */
public interface TextEncoder extends AutoCloseable {

    /** Encodes texts in batches; results in input order. */
    List<TextEmbedding> encode(List<String> texts) throws InferenceException;

    /** Token ids of one text as the encoder feeds them (special tokens included, truncated, not padded). */
    long[] tokenIds(String text);

    /** Whether the package produces text embeddings for {@code stream}. */
    boolean hasStream(Stream stream);

    @Override
    void close();
}
