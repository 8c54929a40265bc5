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

    /** Recall at each K in both directions; K must be &ge; 1. */
    public static RecallAtK recallAtK(double[][] sim, int... ks) {
        int n = checkSquare(sim);
        for (int k : ks) {
            if (k < 1) {
                throw new IllegalArgumentException("K must be >= 1: " + k);
            }
        }
        int[] rowRanks = new int[n];
        int[] colRanks = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j != i && sim[i][j] >= sim[i][i]) {
                    rowRanks[i]++;
                }
                if (j != i && sim[j][i] >= sim[i][i]) {
                    colRanks[i]++;
                }
            }
        }
        Map<Integer, Double> i2t = new LinkedHashMap<>();
        Map<Integer, Double> t2i = new LinkedHashMap<>();
        for (int k : ks) {
            i2t.put(k, fractionBelow(rowRanks, k));
            t2i.put(k, fractionBelow(colRanks, k));
        }
        return new RecallAtK(i2t, t2i, n);
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

    private static int checkSquare(double[][] sim) {
        if (sim == null || sim.length == 0) {
            throw new IllegalArgumentException("similarity matrix is empty");
        }
        int n = sim.length;
        for (int i = 0; i < n; i++) {
            if (sim[i].length != n) {
                throw new IllegalArgumentException("similarity matrix is not square: row " + i + " has "
                        + sim[i].length + " columns, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(sim[i][j])) {
                    throw new IllegalArgumentException("similarity[" + i + "][" + j + "] is not finite: " + sim[i][j]);
                }
            }
        }
        return n;
    }
}
