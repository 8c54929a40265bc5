package org.radlens.validation.metrics;

/**
 * DeLong, DeLong &amp; Clarke-Pearson (1988) variance of the ROC AUC, computed with the fast midrank algorithm of
 * Sun &amp; Xu (2014, IEEE SPL 21(11)). Structural components use sample covariances (denominator {@code m−1},
 * {@code n−1}) as in that paper and in pROC. Both classes must occur and each needs at least two samples.
 *
 * <pre>{@code
 * AucEstimate e = DeLong.auc(labels, scores, 0.95);
 * DeLongComparison c = DeLong.compare(labels, scoresA, scoresB);
 * }</pre>
 */
public final class DeLong {
    private DeLong() {
    }

    /** AUC, variance, and a normal-approximation confidence interval clipped to [0, 1]. */
    public static AucEstimate auc(boolean[] labels, double[] scores, double level) {
        Components c = components(labels, scores);
        double var = c.varX() / c.m() + c.varY() / c.n();
        double z = Stats.normalQuantile(0.5 + level / 2);
        double half = z * Math.sqrt(var);
        ConfidenceInterval ci = new ConfidenceInterval(c.auc(), Math.max(0, c.auc() - half),
                Math.min(1, c.auc() + half), level, "delong");
        return new AucEstimate(c.auc(), var, ci);
    }

    /** Paired two-sided test of {@code AUC(A) = AUC(B)} on the same labels. */
    public static DeLongComparison compare(boolean[] labels, double[] scoresA, double[] scoresB) {
        Stats.checkSameLength(labels, scoresB);
        Components a = components(labels, scoresA);
        Components b = components(labels, scoresB);
        double covX = covariance(a.v10(), b.v10());
        double covY = covariance(a.v01(), b.v01());
        double var = (a.varX() + b.varX() - 2 * covX) / a.m() + (a.varY() + b.varY() - 2 * covY) / a.n();
        double diff = a.auc() - b.auc();
        if (var <= 0) {
            if (diff == 0) {
                return new DeLongComparison(a.auc(), b.auc(), 0, 0, 1);
            }
            throw new IllegalArgumentException("DeLong test undefined: AUCs differ (" + a.auc() + " vs " + b.auc()
                    + ") but the variance of the difference is " + var);
        }
        double z = diff / Math.sqrt(var);
        double p = 2 * Stats.normalCdf(-Math.abs(z));
        return new DeLongComparison(a.auc(), b.auc(), var, z, p);
    }

    /** Structural components: v10 over positives, v01 over negatives. */
    private record Components(double auc, double[] v10, double[] v01, int m, int n) {
        double varX() {
            return covariance(v10, v10);
        }

        double varY() {
            return covariance(v01, v01);
        }
    }

    private static Components components(boolean[] labels, double[] scores) {
        Stats.checkSameLength(labels, scores);
        Stats.checkFinite(scores, "scores");
        Stats.checkBothClasses(labels, "DeLong AUC");
        int m = Stats.countPositives(labels);
        int n = labels.length - m;
        if (m < 2 || n < 2) {
            throw new IllegalArgumentException("DeLong variance needs at least 2 positives and 2 negatives: " + m
                    + " positives, " + n + " negatives");
        }
        double[] x = new double[m];
        double[] y = new double[n];
        split(labels, scores, x, y);
        double[] tx = Stats.midranks(x);
        double[] ty = Stats.midranks(y);
        double[] z = new double[m + n];
        System.arraycopy(x, 0, z, 0, m);
        System.arraycopy(y, 0, z, m, n);
        double[] tz = Stats.midranks(z);
        double sumPos = 0;
        double[] v10 = new double[m];
        for (int i = 0; i < m; i++) {
            sumPos += tz[i];
            v10[i] = (tz[i] - tx[i]) / n;
        }
        double[] v01 = new double[n];
        for (int j = 0; j < n; j++) {
            v01[j] = 1 - (tz[m + j] - ty[j]) / m;
        }
        double auc = (sumPos - m * (m + 1) / 2.0) / ((double) m * n);
        return new Components(auc, v10, v01, m, n);
    }

    private static void split(boolean[] labels, double[] scores, double[] pos, double[] neg) {
        int i = 0;
        int j = 0;
        for (int k = 0; k < labels.length; k++) {
            if (labels[k]) {
                pos[i++] = scores[k];
            } else {
                neg[j++] = scores[k];
            }
        }
    }

    private static double covariance(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - ma) * (b[i] - mb);
        }
        return s / (a.length - 1);
    }
}
