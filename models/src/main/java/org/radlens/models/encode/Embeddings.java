package org.radlens.models.encode;

import java.util.List;

/** Vector maths on embeddings: L2 normalisation, cosine, prompt ensembles. */
public final class Embeddings {
    private Embeddings() {
    }

    /** {@code v / |v|} (a new array); a zero vector stays zero. */
    public static float[] normalize(float[] v) {
        double n = 0;
        for (float f : v) {
            n += (double) f * f;
        }
        float[] out = new float[v.length];
        if (n == 0) {
            return out;
        }
        double inv = 1.0 / Math.sqrt(n);
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] * inv);
        }
        return out;
    }

    /** Dot product. */
    public static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimension mismatch: " + a.length + " vs " + b.length);
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    /** Cosine similarity of two vectors (0 when either is zero). */
    public static double cosine(float[] a, float[] b) {
        return dot(normalize(a), normalize(b));
    }

    /**
     * Prompt ensemble: the mean of the L2-normalised vectors, re-normalised.
     *
     * @throws IllegalArgumentException when {@code vectors} is empty or dimensions differ
     */
    public static float[] ensemble(List<float[]> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one embedding");
        }
        int d = vectors.get(0).length;
        double[] sum = new double[d];
        for (float[] v : vectors) {
            if (v.length != d) {
                throw new IllegalArgumentException("dimension mismatch: " + v.length + " vs " + d);
            }
            float[] u = normalize(v);
            for (int i = 0; i < d; i++) {
                sum[i] += u[i];
            }
        }
        float[] mean = new float[d];
        for (int i = 0; i < d; i++) {
            mean[i] = (float) (sum[i] / vectors.size());
        }
        return normalize(mean);
    }

    /** {@code softmax(scale·[a, b])[0] = 1 / (1 + exp(scale·(b − a)))}. */
    public static double softmaxFirst(double scale, double a, double b) {
        return 1.0 / (1.0 + Math.exp(scale * (b - a)));
    }
}
