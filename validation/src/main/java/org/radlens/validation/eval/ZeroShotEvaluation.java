package org.radlens.validation.eval;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radlens.validation.metrics.Classification;
import org.radlens.validation.metrics.DeLong;
import org.radlens.validation.metrics.ReliabilityCurve;
import org.radlens.validation.report.EvalReport;
import org.radlens.validation.report.Reports;
import org.radlens.validation.report.Series;
import org.radlens.validation.report.Plots;
import org.radlens.validation.metrics.Calibration;
import org.radlens.validation.metrics.PrCurve;
import org.radlens.validation.metrics.RocCurve;

/**
 * Zero-shot classification over a labelled manifest: per-class one-vs-rest ROC AUC (DeLong and stratified bootstrap
 * intervals), average precision, Youden operating point, calibration; overall accuracy and macro F1 of the argmax
 * prediction. With a second source, a paired DeLong test per class compares the two.
 *
 * <pre>{@code
 * EvalReport r = ZeroShotEvaluation.run(manifest, spec, scores, null, EvalSettings.defaults(out));
 * }</pre>
 */
public final class ZeroShotEvaluation {
    private ZeroShotEvaluation() {
    }

    /**
     * @param compare optional second source for a side-by-side paired DeLong test, or {@code null}
     * @throws ManifestException when the manifest does not fit the spec (nothing is written)
     * @throws EvalException     when the output folder holds a finished report, or no item could be scored
     */
    public static EvalReport run(Manifest m, ZeroShotSpec spec, ScoreSource source, ScoreSource compare,
                                 EvalSettings st) throws ManifestException, EvalException, IOException {
        spec.validate(m);
        OutputDir.prepare(st.out(), st.force());
        String fp = "zeroshot|" + source.model().sha256() + "|" + (compare == null ? "" : compare.model().sha256())
                + "|" + m.sha256() + "|" + spec;
        List<String> failures = new ArrayList<>();
        List<ItemLoop.Scored> scored;
        try (ItemCache cache = ItemCache.open(st.out(), fp)) {
            scored = ItemLoop.run(m.rows(), r -> r.line() + ":" + r.get(spec.imageColumn()),
                    r -> score(m.resolve(r.get(spec.imageColumn())), spec, source, compare), cache, failures);
        }
        ItemLoop.requireSome(scored, failures);
        ItemTable.write(st.out(), scored, List.of(spec.imageColumn(), spec.labelColumn()));
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, String> plots = new LinkedHashMap<>();
        double[][] a = matrix(scored, spec, "a");
        metrics.putAll(ZeroShotMetrics.summary(labels(scored, spec), a, spec, st));
        plots.putAll(plot(scored, spec, a, st.out()));
        if (compare != null) {
            metrics.put("comparison", compare(scored, spec, a, matrix(scored, spec, "b"), compare.model()));
        }
        EvalReport report = new EvalReport("zeroshot", scored.size(), metrics, source.model().name(),
                source.model().sha256(), m.origin(), m.sha256(), failures, plots,
                List.of("one-vs-rest per class: positive = rows labelled with the class; predicted class = argmax",
                        "confidence intervals: DeLong (normal approximation) and stratified percentile bootstrap ("
                                + st.replicates() + " replicates, seed " + st.seed() + ")"),
                Summaries.zeroShot(metrics, spec.classes()));
        Reports.write(st.out(), report);
        return report;
    }

    private static JsonObject score(Path image, ZeroShotSpec spec, ScoreSource a, ScoreSource b)
            throws SourceException {
        JsonObject o = new JsonObject();
        o.add("a", toJson(a.scores(image, spec.classes()), spec));
        if (b != null) {
            o.add("b", toJson(b.scores(image, spec.classes()), spec));
        }
        return o;
    }

    private static JsonObject toJson(Map<String, Double> s, ZeroShotSpec spec) throws SourceException {
        JsonObject o = new JsonObject();
        for (ClassPrompts c : spec.classes()) {
            Double v = s.get(c.name());
            if (v == null || !Double.isFinite(v)) {
                throw new SourceException("score for class '" + c.name() + "' is missing or not finite: " + v);
            }
            o.addProperty(c.name(), v);
        }
        return o;
    }

    private static int[] labels(List<ItemLoop.Scored> scored, ZeroShotSpec spec) {
        return scored.stream().mapToInt(s -> spec.indexOf(s.row().get(spec.labelColumn()))).toArray();
    }

    /** [item][class] scores of source "a" or "b". */
    private static double[][] matrix(List<ItemLoop.Scored> scored, ZeroShotSpec spec, String which) {
        double[][] out = new double[scored.size()][spec.classes().size()];
        for (int i = 0; i < out.length; i++) {
            JsonObject o = scored.get(i).value().getAsJsonObject(which);
            for (int c = 0; c < out[i].length; c++) {
                out[i][c] = o.get(spec.classes().get(c).name()).getAsDouble();
            }
        }
        return out;
    }

    private static Map<String, Object> compare(List<ItemLoop.Scored> scored, ZeroShotSpec spec, double[][] a,
                                               double[][] b, ModelInfo other) {
        int[] y = labels(scored, spec);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model_b", Reports.ordered("name", other.name(), "sha256", other.sha256()));
        for (int c = 0; c < spec.classes().size(); c++) {
            boolean[] yc = ZeroShotMetrics.oneVsRest(y, c);
            double[] sa = ZeroShotMetrics.column(a, c);
            double[] sb = ZeroShotMetrics.column(b, c);
            out.put(spec.classes().get(c).name(), BinarySummary.guard(() -> {
                var t = DeLong.compare(yc, sa, sb);
                return Reports.ordered("auc_a", t.aucA(), "auc_b", t.aucB(), "difference", t.difference(), "z", t.z(),
                        "p_value", t.pValue(), "test", "paired DeLong, two-sided");
            }));
        }
        return out;
    }

    private static Map<String, String> plot(List<ItemLoop.Scored> scored, ZeroShotSpec spec, double[][] a, Path out)
            throws IOException {
        int[] y = labels(scored, spec);
        List<Series> roc = new ArrayList<>();
        List<Series> pr = new ArrayList<>();
        List<Series> cal = new ArrayList<>();
        for (int c = 0; c < spec.classes().size(); c++) {
            boolean[] yc = ZeroShotMetrics.oneVsRest(y, c);
            double[] s = ZeroShotMetrics.column(a, c);
            String name = spec.classes().get(c).name();
            int pos = BinarySummary.countTrue(yc);
            if (pos == 0 || pos == yc.length) {
                continue;
            }
            RocCurve r = Classification.rocCurve(yc, s);
            roc.add(new Series(String.format(java.util.Locale.ROOT, "%s (AUC %.3f)", name, r.area()), r.fpr(), r.tpr()));
            PrCurve p = Classification.prCurve(yc, s);
            pr.add(new Series(name, p.recall(), p.precision()));
            if (BinarySummary.isProbability(s)) {
                ReliabilityCurve rc = Calibration.reliability(yc, s, 10);
                cal.add(new Series(name, rc.meanPredicted(), rc.fractionPositive()));
            }
        }
        Map<String, String> plots = new LinkedHashMap<>();
        Plots.unitSquare(out.resolve("roc.png"), "ROC (one-vs-rest)", "1 - specificity", "sensitivity", roc, true);
        plots.put("ROC", "roc.png");
        Plots.unitSquare(out.resolve("pr.png"), "Precision-recall", "recall", "precision", pr, false);
        plots.put("Precision-recall", "pr.png");
        if (!cal.isEmpty()) {
            Plots.unitSquare(out.resolve("calibration.png"), "Reliability (10 bins)", "mean predicted probability",
                    "fraction positive", cal, true);
            plots.put("Calibration", "calibration.png");
        }
        return plots;
    }
}
