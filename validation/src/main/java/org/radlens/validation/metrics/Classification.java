package org.radlens.validation.metrics;

import java.util.Arrays;

/**
 * Binary classification metrics over labels ({@code true} = positive) and real-valued scores (higher = more positive).
 *
 * <p>Conventions (checked against scikit-learn 1.2 in the tests): a sample is called positive iff its score is
 * {@code >= threshold}; tied scores move together along the curves, so ROC AUC is the trapezoidal area, equal to the
 * Mann–Whitney statistic with ties counted ½ ({@code roc_auc_score}); average precision is
 * {@code Σ (R_k − R_{k−1}) P_k} over distinct thresholds ({@code average_precision_score}, no interpolation).
 * Metrics that need both classes throw {@link IllegalArgumentException} naming the class counts.
 *
 * <pre>{@code
 * double auc = Classification.rocAuc(new boolean[] {false, true}, new double[] {0.2, 0.9});   // 1.0
 * }</pre>
 */
public final class Classification {
    private Classification() {
    }

    /** ROC AUC (trapezoidal, ties ½). Both classes must occur. */
    public static double rocAuc(boolean[] labels, double[] scores) {
        return rocCurve(labels, scores).area();
    }

    /** The full ROC curve (no points dropped). Both classes must occur. */
    public static RocCurve rocCurve(boolean[] labels, double[] scores) {
        Stats.checkSameLength(labels, scores);
        Stats.checkFinite(scores, "scores");
        Stats.checkBothClasses(labels, "ROC");
        long[][] c = cumulativeCounts(labels, scores);
        double p = c[0][c[0].length - 1];
        double n = c[1][c[1].length - 1];
        int k = c[0].length;
        double[] fpr = new double[k + 1];
        double[] tpr = new double[k + 1];
        double[] thr = new double[k + 1];
        thr[0] = Double.POSITIVE_INFINITY;
        double[] t = distinctDescending(scores);
        for (int i = 0; i < k; i++) {
            tpr[i + 1] = c[0][i] / p;
            fpr[i + 1] = c[1][i] / n;
            thr[i + 1] = t[i];
        }
        return new RocCurve(fpr, tpr, thr);
    }

    /** Average precision as scikit-learn's {@code average_precision_score}. At least one positive must occur. */
    public static double averagePrecision(boolean[] labels, double[] scores) {
        PrCurve pr = prCurve(labels, scores);
        double[] r = pr.recall();
        double[] p = pr.precision();
        double ap = 0;
        for (int i = 1; i < r.length; i++) {
            ap += (r[i] - r[i - 1]) * p[i];
        }
        return ap;
    }

    /** Precision–recall curve over all distinct thresholds. At least one positive must occur. */
    public static PrCurve prCurve(boolean[] labels, double[] scores) {
        Stats.checkSameLength(labels, scores);
        Stats.checkFinite(scores, "scores");
        if (Stats.countPositives(labels) == 0) {
            throw new IllegalArgumentException("precision-recall is undefined without positives: 0 of "
                    + labels.length + " labels are positive");
        }
        long[][] c = cumulativeCounts(labels, scores);
        int k = c[0].length;
        double p = c[0][k - 1];
        double[] recall = new double[k + 1];
        double[] precision = new double[k + 1];
        precision[0] = 1;
        for (int i = 0; i < k; i++) {
            recall[i + 1] = c[0][i] / p;
            precision[i + 1] = (double) c[0][i] / (c[0][i] + c[1][i]);
        }
        return new PrCurve(recall, precision, distinctDescending(scores));
    }

    /** Confusion counts of "positive iff score &ge; threshold". Any labels, including a single class. */
    public static ConfusionCounts confusion(boolean[] labels, double[] scores, double threshold) {
        Stats.checkSameLength(labels, scores);
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean called = scores[i] >= threshold;
            if (labels[i]) {
                if (called) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (called) {
                fp++;
            } else {
                tn++;
            }
        }
        return new ConfusionCounts(tp, fp, tn, fn);
    }

    /** The operating point at a fixed threshold. */
    public static OperatingPoint at(boolean[] labels, double[] scores, double threshold) {
        return new OperatingPoint(threshold, confusion(labels, scores, threshold));
    }

    /**
     * The ROC point maximising Youden's J = TPR − FPR; among equal J the highest threshold wins (the first maximum of
     * {@code tpr - fpr} along scikit-learn's {@code roc_curve}). Both classes must occur. When no threshold beats
     * J = 0 (all scores tied, or an inverted score) the answer is threshold {@code +Infinity}: nobody is called
     * positive.
     */
    public static OperatingPoint youden(boolean[] labels, double[] scores) {
        RocCurve roc = rocCurve(labels, scores);
        double[] tpr = roc.tpr();
        double[] fpr = roc.fpr();
        int best = 0;
        for (int i = 1; i < tpr.length; i++) {
            if (tpr[i] - fpr[i] > tpr[best] - fpr[best]) {
                best = i;
            }
        }
        return at(labels, scores, roc.thresholds()[best]);
    }

    /** Distinct scores, decreasing ({@code -0.0} and {@code 0.0} are one score). */
    static double[] distinctDescending(double[] scores) {
        double[] s = new double[scores.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = scores[i] + 0.0;
        }
        Arrays.sort(s);
        int k = 0;
        double[] out = new double[s.length];
        for (int i = s.length - 1; i >= 0; i--) {
            if (k == 0 || s[i] != out[k - 1]) {
                out[k++] = s[i];
            }
        }
        return Arrays.copyOf(out, k);
    }

    /**
     * [0] = cumulative true positives, [1] = cumulative false positives, at each distinct threshold (decreasing).
     * Positives and negatives are sorted apart (primitive sorts) and merged from the top.
     */
    static long[][] cumulativeCounts(boolean[] labels, double[] scores) {
        int m = Stats.countPositives(labels);
        double[] pos = new double[m];
        double[] neg = new double[labels.length - m];
        for (int i = 0, a = 0, b = 0; i < labels.length; i++) {
            if (labels[i]) {
                pos[a++] = scores[i] + 0.0;
            } else {
                neg[b++] = scores[i] + 0.0;
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double[] t = distinctDescending(scores);
        long[][] out = new long[2][t.length];
        int p = pos.length - 1;
        int n = neg.length - 1;
        for (int j = 0; j < t.length; j++) {
            while (p >= 0 && pos[p] >= t[j]) {
                p--;
            }
            while (n >= 0 && neg[n] >= t[j]) {
                n--;
            }
            out[0][j] = pos.length - 1 - p;
            out[1][j] = neg.length - 1 - n;
        }
        return out;
    }
}
