package org.radlens.validation.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radlens.validation.bench.IoBench.Row;

/**
 * The {@code radlens bench io} results as a Markdown table and JSON. Every figure comes with its ratio ours / peer:
 * for times (median, p95) below 1 means RadLens is faster; for throughput (files/s, MB/s) above 1 does. The last
 * column gives the throughput ratio of each round, to show how much the machine moved the figures.
 */
public final class IoBenchReport {
    private IoBenchReport() {
    }

    public static String table(List<Row> rows, List<String> notes) {
        StringBuilder sb = new StringBuilder("| workload | files | MB | RadLens median / p95 ms | peer median / p95 ms "
                + "| ratio median / p95 | RadLens files/s, MB/s | peer files/s, MB/s | ratio files/s, MB/s "
                + "| ratio files/s per round |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            Timing j = r.java();
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.2f / %.2f | ", r.workload().workload(),
                    r.workload().files().size(), r.bytes() / 1e6, j.medianMs(), j.p95Ms()));
            String ours = String.format(Locale.ROOT, "%.1f, %.1f", Row.filesPerSecond(r.workload(), j),
                    Row.megabytesPerSecond(r.bytes(), j));
            if (r.peer() == null) {
                sb.append(r.peerNote()).append(" | | ").append(ours).append(" | | | |\n");
                continue;
            }
            Timing p = r.peer();
            double thr = Row.filesPerSecond(r.workload(), j) / Row.filesPerSecond(r.workload(), p);
            sb.append(String.format(Locale.ROOT, "%.2f / %.2f | %.2f / %.2f | %s | %.1f, %.1f | %.2f, %.2f | %s |\n",
                    p.medianMs(), p.p95Ms(), j.medianMs() / p.medianMs(), j.p95Ms() / p.p95Ms(), ours,
                    Row.filesPerSecond(r.workload(), p), Row.megabytesPerSecond(r.bytes(), p), thr, thr,
                    String.join(" ", r.roundRatios().stream().map(x -> String.format(Locale.ROOT, "%.2f", x))
                            .toList())));
        }
        notes.forEach(n -> sb.append("\n- ").append(n));
        return sb.append('\n').toString();
    }

    /** Writes the rows, settings and notes as JSON to {@code out} (parent folders created). */
    public static void writeJson(Path out, List<Row> rows, Map<String, Object> settings, List<String> notes)
            throws IOException {
        List<Object> json = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("workload", r.workload().workload());
            o.put("format", r.workload().format().name());
            o.put("files", r.workload().files().stream().map(Path::toString).toList());
            o.put("bytes_per_repetition", r.bytes());
            o.put("radlens", side(r, r.java()));
            o.put("peer", r.peer() == null ? null : side(r, r.peer()));
            o.put("peer_note", r.peer() == null ? r.peerNote() : null);
            o.put("ratio_ours_over_peer", r.peer() == null ? null : ratios(r));
            json.add(o);
        }
        BenchReports.writeJson(out, "io", settings, json, notes);
    }

    private static Map<String, Object> side(Row r, Timing t) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("runner", t.runner());
        o.put("repetitions", t.repetitions());
        o.put("median_ms", t.medianMs());
        o.put("p95_ms", t.p95Ms());
        o.put("min_ms", t.minMs());
        o.put("files_per_s", Row.filesPerSecond(r.workload(), t));
        o.put("mb_per_s", Row.megabytesPerSecond(r.bytes(), t));
        return o;
    }

    private static Map<String, Object> ratios(Row r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("median_ms", r.java().medianMs() / r.peer().medianMs());
        o.put("p95_ms", r.java().p95Ms() / r.peer().p95Ms());
        o.put("min_ms", r.java().minMs() / r.peer().minMs());
        double thr = r.peer().medianMs() / r.java().medianMs();
        o.put("files_per_s", thr);
        o.put("mb_per_s", thr);
        o.put("files_per_s_per_round", r.roundRatios());
        return o;
    }
}
