package org.radlens.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radlens.bench.ScoreBench.Row;
import org.radlens.bench.ScoreBench.Stage;
import org.radlens.validation.bench.BenchReports;
import org.radlens.validation.bench.Timing;

/**
 * The {@code radlens bench score} rows as a Markdown table and JSON, in the conventions of {@code bench io|infer}
 * ({@code {"bench": "score", "settings", "rows", "notes"}}). Each row shows the target next to the measured
 * images/hour; targets are context, never a pass/fail.
 */
public final class ScoreBenchReport {
    private ScoreBenchReport() {
    }

    public static String table(List<Row> rows, List<String> notes) {
        StringBuilder sb = new StringBuilder("| mode | workers | scored / failed | model load s | wall s | images/hour "
                + "| target/hour | per image median / p95 ms |");
        ScoreBench.STAGES.forEach(st -> sb.append(' ').append(st).append(" ms (share) |"));
        sb.append("\n|---|---|---|---|---|---|---|---|").append("---|".repeat(ScoreBench.STAGES.size())).append('\n');
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | ", r.mode().label, r.workers()));
            if (Double.isNaN(r.wallS())) {
                sb.append(String.format(Locale.ROOT, "%s | | | | %,d | |", r.note(), r.mode().targetPerHour))
                        .append(" |".repeat(ScoreBench.STAGES.size())).append('\n');
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%d / %d | %.1f | %.1f | %,.0f | %,d | ", r.scored(), r.failed(),
                    r.modelLoadS(), r.wallS(), r.imagesPerHour(), r.mode().targetPerHour));
            sb.append(r.perImage() == null ? r.note() : String.format(Locale.ROOT, "%.1f / %.1f",
                    r.perImage().medianMs(), r.perImage().p95Ms()));
            for (String stage : ScoreBench.STAGES) {
                Stage st = r.stages().get(stage);
                sb.append(" | ").append(st == null ? "–" : String.format(Locale.ROOT, "%.1f (%.0f %%)",
                        st.ms().meanMs(), 100 * st.share()));
            }
            sb.append(" |\n");
        }
        splits(rows, sb);
        notes.forEach(n -> sb.append("\n- ").append(n));
        return sb.append('\n').toString();
    }

    /**
     * The per-label table (the workload's encodings), when a row has more than one label: mean ms per stage of the
     * images of each label within the mixed run, and what that mean would give at the row's worker count if every
     * image cost it ({@code workers × 3,600,000 / mean}; an estimate, not a measured throughput).
     */
    private static void splits(List<Row> rows, StringBuilder sb) {
        if (rows.stream().allMatch(r -> r.splits().isEmpty())) {
            return;
        }
        sb.append("\nPer encoding (mean ms per image within the run above):\n\n| mode | workers | encoding | images "
                + "| per image mean ms | est. images/hour |");
        ScoreBench.STAGES.forEach(st -> sb.append(' ').append(st).append(" |"));
        sb.append("\n|---|---|---|---|---|---|").append("---|".repeat(ScoreBench.STAGES.size())).append('\n');
        for (Row r : rows) {
            for (ScoreBench.Split sp : r.splits()) {
                sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %.1f | %,.0f |", r.mode().label,
                        r.workers(), sp.label(), sp.images(), sp.perImage().meanMs(),
                        r.workers() * 3_600_000 / sp.perImage().meanMs()));
                for (String stage : ScoreBench.STAGES) {
                    Stage st = sp.stages().get(stage);
                    sb.append(' ').append(st == null ? "–" : String.format(Locale.ROOT, "%.1f", st.ms().meanMs()))
                            .append(" |");
                }
                sb.append('\n');
            }
        }
    }

    /** Writes the rows, settings and notes as JSON to {@code out} (parent folders created). */
    public static void writeJson(Path out, List<Row> rows, Map<String, Object> settings, List<String> notes)
            throws IOException {
        List<Object> json = new ArrayList<>();
        for (Row r : rows) {
            json.add(row(r));
        }
        BenchReports.writeJson(out, "score", settings, json, notes);
    }

    private static Map<String, Object> row(Row r) {
        boolean timed = !Double.isNaN(r.wallS());
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("mode", r.mode().label);
        o.put("workers", r.workers());
        o.put("images", r.images());
        o.put("scored", r.scored());
        o.put("failed", r.failed());
        o.put("model_load_s", timed ? r.modelLoadS() : null);
        o.put("wall_s", timed ? r.wallS() : null);
        o.put("images_per_hour", timed ? r.imagesPerHour() : null);
        o.put("target_images_per_hour", r.mode().targetPerHour);
        o.put("per_image_ms", r.perImage() == null ? null : stats(r.perImage()));
        Map<String, Object> stages = new LinkedHashMap<>();
        r.stages().forEach((name, st) -> {
            Map<String, Object> m = stats(st.ms());
            m.put("share", st.share());
            stages.put(name, m);
        });
        o.put("stages_ms", stages);
        List<Object> by = new ArrayList<>();
        for (ScoreBench.Split sp : r.splits()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", sp.label());
            m.put("images", sp.images());
            m.put("per_image_ms", stats(sp.perImage()));
            Map<String, Object> st = new LinkedHashMap<>();
            sp.stages().forEach((name, x) -> st.put(name, stats(x.ms())));
            m.put("stages_ms", st);
            by.add(m);
        }
        o.put("by_label", by);
        o.put("note", r.measured() ? null : r.note());
        return o;
    }

    private static Map<String, Object> stats(Timing t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", t.repetitions());
        m.put("mean_ms", t.meanMs());
        m.put("median_ms", t.medianMs());
        m.put("p95_ms", t.p95Ms());
        return m;
    }
}
