package org.radlens.validation.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.radlens.validation.metrics.AucEstimate;
import org.radlens.validation.metrics.Bootstrap;
import org.radlens.validation.metrics.Calibration;
import org.radlens.validation.metrics.Classification;
import org.radlens.validation.metrics.ConfidenceInterval;
import org.radlens.validation.metrics.ConfusionCounts;
import org.radlens.validation.metrics.DeLong;
import org.radlens.validation.metrics.OperatingPoint;
import org.radlens.validation.metrics.ReliabilityCurve;

/**
 * The metrics block of one binary (one-vs-rest) problem: AUC with DeLong and bootstrap intervals, average precision,
 * the Youden operating point, and, when the scores are probabilities, the operating point at 0.5, ECE and the
 * reliability curve. A metric that is undefined for
 * these data is reported as {@code {"undefined": reason}} rather than a number.
 */
final class BinarySummary {
    private BinarySummary() {
    }

    static Map<String, Object> of(boolean[] y, double[] s, EvalSettings st) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("positives", (double) countTrue(y));
        m.put("negatives", (double) (y.length - countTrue(y)));
        m.put("roc_auc", guard(() -> Classification.rocAuc(y, s)));
        m.put("roc_auc_delong_ci", guard(() -> interval(DeLong.auc(y, s, st.level()))));
        m.put("roc_auc_bootstrap_ci", guard(() -> interval(
                Bootstrap.stratified(y, s, Classification::rocAuc, st.replicates(), st.level(), st.seed()))));
        m.put("average_precision", guard(() -> Classification.averagePrecision(y, s)));
        m.put("youden", guard(() -> point(Classification.youden(y, s))));
        if (isProbability(s)) {
            m.put("at_threshold_0.5", point(Classification.at(y, s, 0.5)));
            m.put("ece_10_bins", guard(() -> Calibration.expectedCalibrationError(y, s, 10)));
            m.put("reliability_10_bins", guard(() -> reliability(Calibration.reliability(y, s, 10))));
        }
        return m;
    }

    static Map<String, Object> point(OperatingPoint op) {
        ConfusionCounts c = op.counts();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", op.threshold());
        m.put("sensitivity", c.sensitivity());
        m.put("specificity", c.specificity());
        m.put("ppv", c.ppv());
        m.put("npv", c.npv());
        m.put("f1", c.f1());
        m.put("accuracy", c.accuracy());
        m.put("youden_j", op.youdenJ());
        return m;
    }

    private static Map<String, Object> reliability(ReliabilityCurve rc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean_predicted", Arrays.stream(rc.meanPredicted()).boxed().toList());
        m.put("fraction_positive", Arrays.stream(rc.fractionPositive()).boxed().toList());
        m.put("counts", Arrays.stream(rc.counts()).mapToDouble(c -> c).boxed().toList());
        return m;
    }

    private static Map<String, Object> interval(AucEstimate e) {
        Map<String, Object> m = interval(e.ci());
        m.put("variance", e.variance());
        return m;
    }

    private static Map<String, Object> interval(ConfidenceInterval ci) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lower", ci.lower());
        m.put("upper", ci.upper());
        m.put("level", ci.level());
        m.put("method", ci.method());
        return m;
    }

    interface Metric {
        Object compute();
    }

    /** The value, or {"undefined": message} when the metric throws IllegalArgumentException. */
    static Object guard(Metric f) {
        try {
            return f.compute();
        } catch (IllegalArgumentException e) {
            return Map.of("undefined", e.getMessage());
        }
    }

    static boolean isProbability(double[] s) {
        for (double v : s) {
            if (!(v >= 0 && v <= 1)) {
                return false;
            }
        }
        return true;
    }

    static int countTrue(boolean[] y) {
        int n = 0;
        for (boolean b : y) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
