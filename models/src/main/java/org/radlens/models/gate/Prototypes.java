package org.radlens.models.gate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.radlens.models.encode.Embeddings;

/**
 * The maths of calibrating an {@link EmbeddingGate} (vectors normalised with {@link Embeddings#normalize}):
 * spherical k-means (k-means++ seeding from a seeded {@link Random}, assignment by cosine, centres renormalised to unit
 * length) and the threshold that flags at
 * most a given fraction of a set of in-scope cosines. Deterministic for a given seed.
 *
 * <pre>{@code
 * List<float[]> protos = Prototypes.kMeans(unitTrainEmbeddings, 16, 50, new Random(0));
 * double t = Prototypes.threshold(valCosines, 0.02);   // flags <= 2 % of the val films
 * }</pre>
 */
public final class Prototypes {
    private Prototypes() {
    }

    /** Spherical k-means of unit vectors: {@code min(k, n)} unit centres after at most {@code iterations} rounds. */
    public static List<float[]> kMeans(List<float[]> unitVectors, int k, int iterations, Random random) {
        if (unitVectors.isEmpty() || k < 1) {
            throw new IllegalArgumentException("k-means needs vectors and k >= 1, got " + unitVectors.size()
                    + " vectors, k = " + k);
        }
        List<float[]> centres = seeds(unitVectors, Math.min(k, unitVectors.size()), random);
        int[] assign = new int[unitVectors.size()];
        for (int it = 0; it < iterations; it++) {
            boolean changed = false;
            for (int i = 0; i < assign.length; i++) {
                int best = nearest(unitVectors.get(i), centres);
                changed |= best != assign[i] || it == 0;
                assign[i] = best;
            }
            if (!changed) {
                break;
            }
            centres = means(unitVectors, assign, centres);
        }
        return centres;
    }

    /** The smallest cosine {@code t} such that at most {@code maxFlagRate} of {@code cosines} are below it. */
    public static double threshold(double[] cosines, double maxFlagRate) {
        double[] s = cosines.clone();
        Arrays.sort(s);
        int flagged = (int) Math.floor(maxFlagRate * s.length); // values strictly below s[flagged] are flagged
        return s.length == 0 ? -1 : s[Math.min(flagged, s.length - 1)];
    }

    /** Index of the centre with the largest dot product with {@code v}. */
    static int nearest(float[] v, List<float[]> centres) {
        int best = 0;
        double bestDot = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < centres.size(); c++) {
            double d = Embeddings.dot(v, centres.get(c));
            if (d > bestDot) {
                bestDot = d;
                best = c;
            }
        }
        return best;
    }

    private static List<float[]> seeds(List<float[]> xs, int k, Random random) {
        List<float[]> centres = new ArrayList<>();
        centres.add(xs.get(random.nextInt(xs.size())));
        double[] dist = new double[xs.size()];
        while (centres.size() < k) {
            double total = 0;
            for (int i = 0; i < xs.size(); i++) {
                double d = 1 - Embeddings.dot(xs.get(i), centres.get(nearest(xs.get(i), centres)));
                dist[i] = Math.max(0, d) * Math.max(0, d);
                total += dist[i];
            }
            int pick = random.nextInt(xs.size());
            if (total > 0) {
                double r = random.nextDouble() * total;
                for (pick = 0; pick < xs.size() - 1 && (r -= dist[pick]) > 0; pick++) {
                    // walk to the sampled index
                }
            }
            centres.add(xs.get(pick));
        }
        return centres;
    }

    private static List<float[]> means(List<float[]> xs, int[] assign, List<float[]> old) {
        int dim = xs.get(0).length;
        double[][] sum = new double[old.size()][dim];
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < dim; j++) {
                sum[assign[i]][j] += xs.get(i)[j];
            }
        }
        List<float[]> out = new ArrayList<>();
        for (int c = 0; c < old.size(); c++) {
            float[] m = new float[dim];
            for (int j = 0; j < dim; j++) {
                m[j] = (float) sum[c][j];
            }
            float[] u = Embeddings.normalize(m);
            out.add(Embeddings.dot(u, u) > 0.5 ? u : old.get(c)); // an empty cluster keeps its centre
        }
        return out;
    }
}
