package org.radlens.validation.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Retrieval recall at K from a square similarity matrix {@code sim[i][j]} = similarity of image i and text j, where
 * image i and text i form a pair.
 *
 * <p>Ties are counted against the model: the rank of the true partner is the number of candidates scoring
 * {@code >=} it, other than itself; under a constant similarity matrix every rank is n − 1, so R@K is 1 when
 * K &ge; n and 0 otherwise. For tie-free matrices this equals scikit-learn's {@code top_k_accuracy_score}.
 *
 * <pre>{@code
 * RecallAtK r = Retrieval.recallAtK(sim, 1, 5, 10);
 * double r1 = r.imageToText().get(1);
 * }</pre>
 */
public final class Retrieval {
    private Retrieval() {
    }

    /** Recall at each K in both directions for a square matrix (pair i = image i, text i); K must be &ge; 1. */
    public static RecallAtK recallAtK(double[][] sim, int... ks) {
        int n = checkMatrix(sim, -1);
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
        return recallAtK(sim, identity, ks);
    }

    /**
     * Recall at K when several images share one text (e.g. identical reports): {@code sim[i][t]} = image i vs
     * distinct text t, {@code textOf[i]} = the text paired with image i. Image → text: the rank of image i's text
     * among all texts. Text → image: a text (every distinct text that has an image is one query) hits when its best
     * paired image ranks within K among the images not paired with it; {@code n} in the result counts images.
     */
    public static RecallAtK recallAtK(double[][] sim, int[] textOf, int... ks) {
        int n = checkMatrix(sim, textOf.length);
        int texts = sim[0].length;
        for (int k : ks) {
            if (k < 1) {
                throw new IllegalArgumentException("K must be >= 1: " + k);
            }
        }
        int[] imageRanks = new int[n];
        double[] bestPaired = new double[texts];
        java.util.Arrays.fill(bestPaired, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int t = textOf[i];
            if (t < 0 || t >= texts) {
                throw new IllegalArgumentException("textOf[" + i + "] = " + t + " outside 0.." + (texts - 1));
            }
            bestPaired[t] = Math.max(bestPaired[t], sim[i][t]);
            for (int u = 0; u < texts; u++) {
                imageRanks[i] += u != t && sim[i][u] >= sim[i][t] ? 1 : 0;
            }
        }
        int[] textRanks = textRanks(sim, textOf, bestPaired);
        Map<Integer, Double> i2t = new LinkedHashMap<>();
        Map<Integer, Double> t2i = new LinkedHashMap<>();
        for (int k : ks) {
            i2t.put(k, fractionBelow(imageRanks, k));
            t2i.put(k, fractionBelow(textRanks, k));
        }
        return new RecallAtK(i2t, t2i, n);
    }

    /** For each text with at least one paired image: images not paired with it that score &ge; its best pair. */
    private static int[] textRanks(double[][] sim, int[] textOf, double[] bestPaired) {
        int queries = 0;
        for (double b : bestPaired) {
            queries += b > Double.NEGATIVE_INFINITY ? 1 : 0;
        }
        int[] ranks = new int[queries];
        for (int t = 0, q = 0; t < bestPaired.length; t++) {
            if (bestPaired[t] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            for (int i = 0; i < sim.length; i++) {
                ranks[q] += textOf[i] != t && sim[i][t] >= bestPaired[t] ? 1 : 0;
            }
            q++;
        }
        return ranks;
    }

    private static double fractionBelow(int[] ranks, int k) {
        int hit = 0;
        for (int r : ranks) {
            if (r < k) {
                hit++;
            }
        }
        return (double) hit / ranks.length;
    }

    /** Rows must be {@code rows} long (or any, when -1, then the matrix must be square); all finite. */
    private static int checkMatrix(double[][] sim, int rows) {
        if (sim == null || sim.length == 0) {
            throw new IllegalArgumentException("similarity matrix is empty");
        }
        int n = sim.length;
        int cols = rows < 0 ? n : sim[0].length;
        if (rows >= 0 && rows != n) {
            throw new IllegalArgumentException("similarity matrix has " + n + " rows, textOf has " + rows);
        }
        for (int i = 0; i < n; i++) {
            if (sim[i].length != cols || cols == 0) {
                throw new IllegalArgumentException("similarity matrix row " + i + " has " + sim[i].length
                        + " columns, expected " + cols + (rows < 0 ? " (square)" : ""));
            }
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(sim[i][j])) {
                    throw new IllegalArgumentException("similarity[" + i + "][" + j + "] is not finite: " + sim[i][j]);
                }
            }
        }
        return n;
    }
}
