package org.radlens.models.volume;

import java.util.List;
import java.util.Locale;
import org.radlens.models.pkg.ModelManifest.VolumePoolingSpec;

/**
 * How unit slice embeddings {@code ê_s} (s = 1..n, each L2-normalised) become one volume embedding (not
 * normalised; consumers normalise, as for images).
 */
public enum Pooling {
    /** {@code (1/n) Σ ê_s}. */
    MEAN {
        @Override
        float[] weights(List<float[]> unit, VolumePoolingSpec spec) {
            float[] a = new float[unit.size()];
            java.util.Arrays.fill(a, 1f / unit.size());
            return a;
        }
    },
    /** Element-wise maximum over slices. */
    MAX {
        @Override
        float[] weights(List<float[]> unit, VolumePoolingSpec spec) {
            return null;
        }
    },
    /** {@code Σ a_s ê_s}, {@code a_s = softmax_s(w · ê_s + b)} with the package's {@code volume_pooling.attention}. */
    ATTENTION {
        @Override
        float[] weights(List<float[]> unit, VolumePoolingSpec spec) {
            if (spec == null || !spec.hasAttention()) {
                throw new IllegalStateException("attention pooling needs a package with volume_pooling.attention "
                        + "weights; this package has none (use MEAN or MAX)");
            }
            double[] w = spec.attentionWeights();
            double[] score = new double[unit.size()];
            double max = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < score.length; s++) {
                score[s] = dot(w, unit.get(s)) + spec.attentionBias();
                max = Math.max(max, score[s]);
            }
            double sum = 0;
            for (int s = 0; s < score.length; s++) {
                score[s] = Math.exp(score[s] - max);
                sum += score[s];
            }
            float[] a = new float[score.length];
            for (int s = 0; s < a.length; s++) {
                a[s] = (float) (score[s] / sum);
            }
            return a;
        }
    };

    /** Per-slice weights summing to 1, or {@code null} for a non-linear pooling (MAX). */
    abstract float[] weights(List<float[]> unit, VolumePoolingSpec spec);

    /** The pooled embedding and, for weighted poolings, the slice weights. */
    PooledEmbedding pool(List<float[]> unit, VolumePoolingSpec spec) {
        if (unit.isEmpty()) {
            throw new IllegalArgumentException("no slice embeddings to pool");
        }
        int d = unit.get(0).length;
        float[] out = new float[d];
        float[] a = weights(unit, spec);
        if (a == null) {
            java.util.Arrays.fill(out, Float.NEGATIVE_INFINITY);
        }
        for (int s = 0; s < unit.size(); s++) {
            float[] e = unit.get(s);
            for (int i = 0; i < d; i++) {
                out[i] = a == null ? Math.max(out[i], e[i]) : out[i] + a[s] * e[i];
            }
        }
        return new PooledEmbedding(out, a == null ? new float[0] : a);
    }

    /** {@code mean}, {@code max}, {@code attention} (any case). */
    public static Pooling parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown pooling '" + name + "': expected mean, max or attention", e);
        }
    }

    private static double dot(double[] w, float[] e) {
        if (w.length != e.length) {
            throw new IllegalStateException("attention weights have " + w.length + " values, embeddings "
                    + e.length);
        }
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * e[i];
        }
        return s;
    }

    /** Pooled vector and slice weights (empty for MAX). */
    record PooledEmbedding(float[] embedding, float[] sliceWeights) {
    }
}
