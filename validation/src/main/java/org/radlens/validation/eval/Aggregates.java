package org.radlens.validation.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.radlens.validation.metrics.Quantiles;

/** Summaries of per-item values for reports: mean, standard deviation, median, quartiles; Wilson intervals. */
final class Aggregates {
    private Aggregates() {
    }

    /** {"n", "mean", "sd", "median", "q1", "q3", "min", "max"}; {"n": 0} when there are no values. */
    static Map<String, Object> describe(double[] v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", (double) v.length);
        if (v.length == 0) {
            return m;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElseThrow();
        double ss = 0;
        for (double x : s) {
            ss += (x - mean) * (x - mean);
        }
        m.put("mean", mean);
        m.put("sd", s.length > 1 ? Math.sqrt(ss / (s.length - 1)) : 0.0);
        m.put("median", Quantiles.ofSorted(s, 0.5));
        m.put("q1", Quantiles.ofSorted(s, 0.25));
        m.put("q3", Quantiles.ofSorted(s, 0.75));
        m.put("min", s[0]);
        m.put("max", s[s.length - 1]);
        return m;
    }

    /** A proportion with its 95 % Wilson score interval. */
    static Map<String, Object> proportion(long hits, long n) {
        double p = (double) hits / n;
        double z = 1.959963984540054;
        double den = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / den;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / den;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", p);
        m.put("hits", (double) hits);
        m.put("n", (double) n);
        m.put("wilson_95_lower", Math.max(0, centre - half));
        m.put("wilson_95_upper", Math.min(1, centre + half));
        return m;
    }
}
