package org.radlens.validation.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radlens.models.InferenceException;
import org.radlens.models.ModelLoadException;

/**
 * {@code radlens bench infer}: {@link InferBench} (Java) and {@link InferPeer} (torch) in one invocation, plus the
 * cold start of both as child processes; rows with ratios ours / peer (time: &lt; 1 means RadLens is faster;
 * throughput: &gt; 1 does), as a Markdown table and JSON.
 */
public final class InferComparison {
    /** One workload; {@code peer} null with {@code note} saying why; images/s null for the cold start. */
    public record Row(String workload, Timing java, Double javaImagesPerSecond, Timing peer,
            Double peerImagesPerSecond, String note) {
    }

    private InferComparison() {
    }

    public static List<Row> run(InferSettings s, List<String> notes)
            throws ModelLoadException, InferenceException, IOException {
        List<InferBench.Result> java = InferBench.run(s);
        InferPeer peer = new InferPeer(s, notes);
        String missing = peer.unavailable();
        Map<String, Timing> py = missing == null ? peer.warm() : Map.of();
        List<Row> rows = new ArrayList<>();
        for (InferBench.Result r : java) {
            Timing p = py.get(r.latency().workload());
            rows.add(new Row(r.latency().workload(), r.latency(), r.imagesPerSecond(), p,
                    p == null ? null : 1000 / p.meanMs(), p != null ? "" : missing != null ? missing : "peer failed"));
        }
        if (s.coldRuns() > 0) {
            rows.add(cold(s, peer, missing));
        }
        return rows;
    }

    private static Row cold(InferSettings s, InferPeer peer, String missing) throws IOException {
        List<String> cmd = new ArrayList<>(s.coldCommand());
        cmd.addAll(List.of("classify", "--model", s.modelPackage().toString(), s.images().get(0).toString()));
        Timing java = ColdStart.measure("cold start classify 1 image", "java child JVM", cmd, s.coldRuns(), 600);
        if (missing != null) {
            return new Row(java.workload(), java, null, null, null, missing);
        }
        try {
            return new Row(java.workload(), java, null, peer.cold(), null, "");
        } catch (IOException e) {
            return new Row(java.workload(), java, null, null, null, "peer failed: " + e.getMessage());
        }
    }

    public static String table(List<Row> rows, List<String> notes) {
        StringBuilder sb = new StringBuilder("| workload | RadLens median / p95 ms | peer median / p95 ms "
                + "| ratio median / p95 | RadLens img/s | peer img/s | ratio img/s |\n|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %.1f / %.1f | ", r.workload(), r.java().medianMs(),
                    r.java().p95Ms()));
            String ips = r.javaImagesPerSecond() == null ? "" : String.format(Locale.ROOT, "%.1f",
                    r.javaImagesPerSecond());
            if (r.peer() == null) {
                sb.append(r.note()).append(" | | ").append(ips).append(" | | |\n");
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%.1f / %.1f | %.2f / %.2f | %s | ", r.peer().medianMs(),
                    r.peer().p95Ms(), r.java().medianMs() / r.peer().medianMs(), r.java().p95Ms() / r.peer().p95Ms(),
                    ips));
            sb.append(r.peerImagesPerSecond() == null ? " | |\n" : String.format(Locale.ROOT, "%.1f | %.2f |\n",
                    r.peerImagesPerSecond(), r.javaImagesPerSecond() / r.peerImagesPerSecond()));
        }
        notes.forEach(n -> sb.append("\n- ").append(n));
        return sb.append('\n').toString();
    }

    /** {@code {"bench": "infer", "settings": …, "rows": [{…, "ratio_ours_over_peer": {…}}], "notes": […]}}. */
    public static void writeJson(Path out, List<Row> rows, Map<String, Object> settings, List<String> notes)
            throws IOException {
        List<Object> json = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("workload", r.workload());
            o.put("radlens", r.java());
            o.put("radlens_images_per_s", r.javaImagesPerSecond());
            o.put("peer", r.peer());
            o.put("peer_images_per_s", r.peerImagesPerSecond());
            o.put("peer_note", r.peer() == null ? r.note() : null);
            Map<String, Object> ratio = new LinkedHashMap<>();
            if (r.peer() != null) {
                ratio.put("median_ms", r.java().medianMs() / r.peer().medianMs());
                ratio.put("p95_ms", r.java().p95Ms() / r.peer().p95Ms());
                ratio.put("images_per_s", r.peerImagesPerSecond() == null ? null
                        : r.javaImagesPerSecond() / r.peerImagesPerSecond());
            }
            o.put("ratio_ours_over_peer", r.peer() == null ? null : ratio);
            json.add(o);
        }
        BenchReports.writeJson(out, "infer", settings, json, notes);
    }
}
