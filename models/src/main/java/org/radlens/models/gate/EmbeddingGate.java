package org.radlens.models.gate;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.radlens.models.encode.ImageEmbedding;

/**
 * "Does this image look like the films the model was made for?" An image is out of scope when
 * {@code max_k cos(e / |e|, p_k) < minCosine}, with {@code e} the global image embedding and {@code p_k} the unit
 * prototypes (k-means centres of the L2-normalised embeddings of in-scope training films). Immutable, thread-safe.
 * Read from a package by {@link EmbeddingGateFile}; written by {@code radlens eval gate-calibrate}.
 *
 * <pre>{@code
 * model.inputGate().map(g -> g.check(embedding)).filter(EmbeddingGate.Check::outOfScope) ...
 * }</pre>
 *
 * @param prototypes  1..64 unit vectors of {@code embedding_dim} values
 * @param minCosine   the threshold
 * @param calibration how the threshold was chosen and what it flags
 */
public record EmbeddingGate(List<float[]> prototypes, double minCosine, Calibration calibration) {
    /** Method name in the file. */
    public static final String METHOD = "prototype-cosine";

    /**
     * The calibration figures stored with the gate: the in-scope films the threshold was chosen on (validation) and
     * the out-of-scope inputs measured; flag rates are fractions 0..1 ({@code outOfScopeFlagRate} NaN when none
     * were measured).
     */
    public record Calibration(int inScopeImages, double inScopeFlagRate, int outOfScopeImages,
                              double outOfScopeFlagRate, List<String> sources) {
        public Calibration {
            sources = List.copyOf(sources);
        }
    }

    /** One image's result: its best cosine and the threshold. */
    public record Check(double maxCosine, double minCosine) {
        /** True when the image is out of scope (cosine below the threshold). */
        public boolean outOfScope() {
            return !(maxCosine >= minCosine);
        }

        /** The flag's reason word. */
        public String reason() {
            return "not_chest_radiograph";
        }

        /** What the flag means, with the figures. */
        public String message() {
            return String.format(Locale.ROOT, "the image embedding is unlike frontal chest radiographs (cosine to the "
                    + "nearest prototype %.3f < %.3f)", maxCosine, minCosine);
        }
    }

    public EmbeddingGate {
        prototypes = prototypes.stream().map(float[]::clone).toList();
        Objects.requireNonNull(calibration, "calibration");
        if (prototypes.isEmpty()) {
            throw new IllegalArgumentException("an embedding gate needs at least one prototype");
        }
    }

    @Override
    public List<float[]> prototypes() {
        return prototypes.stream().map(float[]::clone).toList();
    }

    /** Embedding dimension D. */
    public int dim() {
        return prototypes.get(0).length;
    }

    public Check check(ImageEmbedding e) {
        return new Check(maxCosine(e.embedding()), minCosine);
    }

    /** {@code max_k cos(v, p_k)}; -1 for a zero or non-finite vector (never in scope). */
    public double maxCosine(float[] v) {
        if (v.length != dim()) {
            throw new IllegalArgumentException("embedding has " + v.length + " values, the gate " + dim());
        }
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        if (!(norm > 0) || !Double.isFinite(norm)) {
            return -1;
        }
        double best = -1;
        for (float[] p : prototypes) {
            double dot = 0;
            for (int i = 0; i < v.length; i++) {
                dot += (double) v[i] * p[i];
            }
            best = Math.max(best, dot / Math.sqrt(norm));
        }
        return best;
    }
}
