package org.radlens.models.encode;

import org.radlens.models.InferenceException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Unit-length text embeddings by text, computed once per text and kept (up to {@code capacity} texts; the cache is
 * emptied when full). Thread-safe. Texts not yet cached are encoded under one lock, so which texts share a batch
 * (padding a text to a longer batch neighbour moves its embedding by about one float ulp) never depends on how
 * worker threads interleave: every worker asks for the same prompt lists in the same order, and each list's missing
 * texts are those not in an earlier list, exactly as with one worker. Scores are then the same with 1 or N workers.
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
        if (!missing(texts).isEmpty()) {
            encodeMissing(texts);
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

    /** Encodes, under the lock, the texts of {@code texts} that are still missing once the lock is held. */
    private synchronized void encodeMissing(List<String> texts) throws InferenceException {
        List<String> missing = missing(texts);
        if (missing.isEmpty()) {
            return;   // another thread encoded them while this one waited
        }
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

    private List<String> missing(List<String> texts) {
        List<String> missing = new ArrayList<>();
        for (String t : texts) {
            if (!cache.containsKey(t) && !missing.contains(t)) {
                missing.add(t);
            }
        }
        return missing;
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
