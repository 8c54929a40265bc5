package org.radlens.validation.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import org.radlens.validation.metrics.ConfusionCounts;

/** The metrics tree of a zero-shot run: per-class blocks, accuracy, macro F1, confusion matrix. */
final class ZeroShotMetrics {
    private ZeroShotMetrics() {
    }

    static Map<String, Object> summary(int[] y, double[][] s, ZeroShotSpec spec, EvalSettings st) {
        int k = spec.classes().size();
        int[] pred = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            pred[i] = argmax(s[i]);
        }
        Map<String, Object> perClass = new LinkedHashMap<>();
        double macroF1 = 0;
        long correct = 0;
        long[][] confusion = new long[k][k];
        for (int i = 0; i < y.length; i++) {
            confusion[y[i]][pred[i]]++;
            correct += y[i] == pred[i] ? 1 : 0;
        }
        for (int c = 0; c < k; c++) {
            Map<String, Object> block = BinarySummary.of(oneVsRest(y, c), column(s, c), st);
            ConfusionCounts cc = argmaxCounts(y, pred, c);
            block.put("argmax_f1", cc.f1());
            block.put("argmax_sensitivity", cc.sensitivity());
            block.put("argmax_ppv", cc.ppv());
            macroF1 += cc.f1() / k;
            perClass.put(spec.classes().get(c).name(), block);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", (double) correct / y.length);
        m.put("macro_f1", macroF1);
        m.put("per_class", perClass);
        Map<String, Object> cm = new LinkedHashMap<>();
        for (int t = 0; t < k; t++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int p = 0; p < k; p++) {
                row.put(spec.classes().get(p).name(), (double) confusion[t][p]);
            }
            cm.put(spec.classes().get(t).name(), row);
        }
        m.put("confusion_matrix_true_by_predicted", cm);
        return m;
    }

    static ConfusionCounts argmaxCounts(int[] y, int[] pred, int c) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < y.length; i++) {
            boolean t = y[i] == c;
            boolean p = pred[i] == c;
            tp += t && p ? 1 : 0;
            fp += !t && p ? 1 : 0;
            fn += t && !p ? 1 : 0;
        }
        return new ConfusionCounts(tp, fp, y.length - tp - fp - fn, fn);
    }

    /** First maximum, as numpy's argmax. */
    static int argmax(double[] v) {
        int b = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[b]) {
                b = i;
            }
        }
        return b;
    }

    static boolean[] oneVsRest(int[] y, int c) {
        boolean[] b = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            b[i] = y[i] == c;
        }
        return b;
    }

    static double[] column(double[][] s, int c) {
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i][c];
        }
        return out;
    }
}
