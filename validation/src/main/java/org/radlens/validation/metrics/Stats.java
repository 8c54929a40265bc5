package org.radlens.validation.metrics;

import java.util.Arrays;

/** Shared numerics and argument checks for the metric façades (package-private). */
final class Stats {
    private Stats() {
    }

    /** Standard normal CDF, Marsaglia's Taylor series (absolute error about 1e-15). */
    static double normalCdf(double x) {
        if (x < -37) {
            return 0;
        }
        if (x > 37) {
            return 1;
        }
        double sum = x;
        double term = x;
        double x2 = x * x;
        for (int i = 3; Math.abs(term) > 1e-17 * Math.abs(sum) && i < 2000; i += 2) {
            term = term * x2 / i;
            sum += term;
        }
        return 0.5 + sum * Math.exp(-0.5 * x2 - 0.91893853320467274178);
    }

    /** Standard normal quantile: Acklam's rational approximation refined by Newton steps. */
    static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1): " + p);
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double x;
        if (p < 0.02425 || p > 1 - 0.02425) {
            double q = Math.sqrt(-2 * Math.log(Math.min(p, 1 - p)));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
            x = p < 0.5 ? x : -x;
        } else {
            double q = p - 0.5;
            double r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                    / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        }
        for (int i = 0; i < 3; i++) {
            double e = normalCdf(x) - p;
            x -= e * Math.sqrt(2 * Math.PI) * Math.exp(0.5 * x * x);
        }
        return x;
    }

    /** Percentile with linear interpolation between closest ranks (numpy's default, q in [0, 100]). */
    static double percentile(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("percentile of an empty array");
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return percentileOfSorted(s, q);
    }

    static double percentileOfSorted(double[] s, double q) {
        double pos = (s.length - 1) * q / 100.0;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        double frac = pos - lo;
        return s[lo] + (s[hi] - s[lo]) * frac;
    }

    /** 1-based ranks, ties get the average of the ranks they span. */
    static double[] midranks(double[] x) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(x[i], x[j]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && x[order[j]] == x[order[i]]) {
                j++;
            }
            double mid = 0.5 * (i + j - 1) + 1;
            for (int k = i; k < j; k++) {
                ranks[order[k]] = mid;
            }
            i = j;
        }
        return ranks;
    }

    static void checkSameLength(boolean[] labels, double[] scores) {
        if (labels == null || scores == null) {
            throw new IllegalArgumentException("labels and scores must not be null");
        }
        if (labels.length != scores.length) {
            throw new IllegalArgumentException("labels has " + labels.length + " values, scores " + scores.length);
        }
    }

    static void checkFinite(double[] scores, String what) {
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is not finite: " + scores[i]);
            }
        }
    }

    static int countPositives(boolean[] labels) {
        int p = 0;
        for (boolean b : labels) {
            if (b) {
                p++;
            }
        }
        return p;
    }

    /** Throws unless both classes occur; the message names the counts. */
    static void checkBothClasses(boolean[] labels, String metric) {
        int p = countPositives(labels);
        if (p == 0 || p == labels.length) {
            throw new IllegalArgumentException(metric + " is undefined with a single class: " + p + " positives, "
                    + (labels.length - p) + " negatives");
        }
    }
}
