package org.radlens.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radlens.bench.ScoreBench.Split;
import org.radlens.bench.ScoreBench.Stage;
import org.radlens.pipeline.ResultRow;
import org.radlens.validation.bench.Timer;
import org.radlens.validation.bench.Timing;

/**
 * The per-image statistics of a {@link ScoreBench} run from the scorer's {@code timings_ms}: each stage's ms and share
 * of the per-image total, for all scored items and per input label (the workload's encoding: which transfer syntax
 * costs what).
 */
final class ScoreBenchStages {
    private ScoreBenchStages() {
    }

    /** The per-image total (sum of the stages every item has), or null for no items. */
    static Timing perImage(List<ResultRow> ok) {
        return ok.isEmpty() ? null : Timer.summarize("per image", runner(), totals(ok, present(ok)));
    }

    /** Each stage every item has: its ms and its share of the per-image mean, in {@link ScoreBench#STAGES} order. */
    static Map<String, Stage> stages(List<ResultRow> ok, Timing perImage) {
        Map<String, Stage> out = new LinkedHashMap<>();
        for (String stage : present(ok)) {
            Timing t = Timer.summarize(stage, perImage.runner(), ok.stream()
                    .mapToDouble(r -> r.timingsMs().get(stage)).toArray());
            out.put(stage, new Stage(t, t.meanMs() / perImage.meanMs()));
        }
        return out;
    }

    /**
     * The items grouped by the label of their SOP Instance UID ({@code labels}; unknown UIDs under "other"), in the
     * labels' order; empty when there is only one label.
     */
    static List<Split> splits(List<ResultRow> ok, Map<String, String> labels) {
        Map<String, List<ResultRow>> by = new LinkedHashMap<>();
        labels.values().forEach(l -> by.putIfAbsent(l, new ArrayList<>()));
        for (ResultRow r : ok) {
            by.computeIfAbsent(labels.getOrDefault(r.sopInstanceUid(), "other"), k -> new ArrayList<>()).add(r);
        }
        by.values().removeIf(List::isEmpty);
        List<Split> out = new ArrayList<>();
        if (by.size() > 1) {
            by.forEach((label, rows) -> {
                Timing total = perImage(rows);
                out.add(new Split(label, rows.size(), total, stages(rows, total)));
            });
        }
        return out;
    }

    private static List<String> present(List<ResultRow> ok) {
        return ScoreBench.STAGES.stream().filter(st -> ok.stream().allMatch(r -> r.timingsMs().containsKey(st)))
                .toList();
    }

    private static double[] totals(List<ResultRow> ok, List<String> stages) {
        double[] total = new double[ok.size()];
        for (int i = 0; i < total.length; i++) {
            for (String st : stages) {
                total[i] += ok.get(i).timingsMs().get(st);
            }
        }
        return total;
    }

    private static String runner() {
        return "java " + Runtime.version().feature();
    }
}
