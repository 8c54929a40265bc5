package org.radlens.models.encode;

import org.radlens.models.InferenceException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Unit-length text embeddings by text, computed once per text and kept (up to {@code capacity} texts; the cache is
 * emptied when full). Thread-safe; two threads asking for the same new text may both encode it.
 *
 * <pre>{@code
 * float[] pos = cache.ensemble(List.of("pneumonia", "lobar consolidation"), Stream.PATHOLOGY);
 * }</pre>
 */
public final class PromptCache {
    private final TextEncoder encoder;
    private final int capacity;
    private final Map<String, Map<Stream, float[]>> cache = new ConcurrentHashMap<>();

    public PromptCache(TextEncoder encoder, int capacity) {
        this.encoder = encoder;
        this.capacity = capacity;
    }

    /** Unit-length embeddings of {@code texts} in {@code stream}, in order. */
    public List<float[]> embeddings(List<String> texts, Stream stream) throws InferenceException {
        List<String> missing = new ArrayList<>();
        for (String t : texts) {
            if (!cache.containsKey(t) && !missing.contains(t)) {
                missing.add(t);
            }
        }
        if (!missing.isEmpty()) {
            if (cache.size() + missing.size() > capacity) {
                cache.clear();
            }
            for (TextEmbedding e : encoder.encode(missing)) {
                Map<Stream, float[]> unit = new EnumMap<>(Stream.class);
                for (Stream s : Stream.values()) {
                    unit.put(s, Embeddings.normalize(e.embedding(s)));
                }
                cache.put(e.text(), unit);
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            Map<Stream, float[]> unit = cache.get(t);
            if (unit == null) { // evicted by a concurrent clear; encode it alone
                unit = Map.of(stream, Embeddings.normalize(encoder.encode(List.of(t)).get(0).embedding(stream)));
            }
            out.add(unit.get(stream));
        }
        return out;
    }

    /** The prompt ensemble: mean of the unit embeddings of {@code prompts}, re-normalised. */
    public float[] ensemble(List<String> prompts, Stream stream) throws InferenceException {
        return Embeddings.ensemble(embeddings(prompts, stream));
    }

    /** Number of cached texts. */
    public int size() {
        return cache.size();
    }
}
