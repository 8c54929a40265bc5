package org.radlens.validation.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code report.md} and then {@code metrics.json} (last, atomically: its presence marks a finished run).
 *
 * <p>{@code metrics.json}: {@code {"task", "n", "metrics", "model": {"name", "sha256"}, "data": {"manifest",
 * "sha256"}, "failures": [..], "plots": {..}}}.
 */
public final class Reports {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
            .create();

    private Reports() {
    }

    public static void write(Path out, EvalReport r) throws IOException {
        Files.writeString(out.resolve("report.md"), markdown(r), StandardCharsets.UTF_8);
        Path tmp = out.resolve("metrics.json.tmp");
        Files.writeString(tmp, GSON.toJson(json(r)) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, out.resolve("metrics.json"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** The metrics.json tree. */
    public static Map<String, Object> json(EvalReport r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("task", r.task());
        root.put("n", r.n());
        root.put("metrics", sanitize(r.metrics()));
        root.put("model", ordered("name", r.modelName(), "sha256", r.modelSha256()));
        root.put("data", ordered("manifest", r.manifest(), "sha256", r.manifestSha256()));
        root.put("failures", r.failures());
        root.put("plots", r.plots());
        return root;
    }

    /**
     * A JSON object whose keys keep the order given ({@code Map.of} iterates in a per-JVM random order, which made
     * two runs' metrics.json differ byte for byte).
     */
    public static Map<String, Object> ordered(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** Markdown: header, provenance, a flattened metrics table, plots, failures, notes. */
    public static String markdown(EvalReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# RadLens evaluation: ").append(r.task()).append("\n\n");
        sb.append("- model: `").append(r.modelName()).append("` (sha256 `").append(r.modelSha256()).append("`)\n");
        sb.append("- data: `").append(r.manifest()).append("` (sha256 `").append(r.manifestSha256()).append("`)\n");
        sb.append("- items evaluated: ").append(r.n()).append(", failed: ").append(r.failures().size()).append("\n\n");
        if (!r.summary().isBlank()) {
            sb.append("## Summary\n\n").append(r.summary().strip()).append("\n\n");
        }
        sb.append("## All metrics\n\n| metric | value |\n|---|---|\n");
        List<String[]> rows = new ArrayList<>();
        flatten("", sanitize(r.metrics()), rows);
        for (String[] row : rows) {
            sb.append("| ").append(row[0]).append(" | ").append(row[1]).append(" |\n");
        }
        for (Map.Entry<String, String> p : r.plots().entrySet()) {
            sb.append("\n## ").append(p.getKey()).append("\n");
            if (!p.getValue().isEmpty()) {
                sb.append("\n![").append(p.getKey()).append("](").append(p.getValue()).append(")\n");
            }
        }
        if (!r.failures().isEmpty()) {
            sb.append("\n## Failed items\n\n");
            r.failures().forEach(f -> sb.append("- ").append(f.replace("\n", " ")).append('\n'));
        }
        if (!r.notes().isEmpty()) {
            sb.append("\n## Notes\n\n");
            r.notes().forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object v, List<String[]> rows) {
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : ((Map<Object, Object>) m).entrySet()) {
                flatten(prefix.isEmpty() ? "" + e.getKey() : prefix + "." + e.getKey(), e.getValue(), rows);
            }
        } else if (v instanceof List<?> l && l.size() > 6) {
            rows.add(new String[] {prefix, "(" + l.size() + " values, see metrics.json)"});
        } else {
            rows.add(new String[] {prefix, format(v)});
        }
    }

    private static String format(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (v instanceof Double d) {
            return String.format(java.util.Locale.ROOT, "%.4f", d);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Reports::format).toList().toString();
        }
        return String.valueOf(v);
    }

    /** Copies a metrics tree replacing non-finite doubles with null (JSON has no NaN or Infinity). */
    static Object sanitize(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), sanitize(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Reports::sanitize).toList();
        }
        if (v instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        return v;
    }
}
