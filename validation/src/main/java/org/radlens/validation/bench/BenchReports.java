package org.radlens.validation.bench;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes benchmark rows as {@code bench.json} and a Markdown table {@code bench.md}; returns the table. */
public final class BenchReports {
    private BenchReports() {
    }

    /**
     * Writes {@code {"bench", "settings" (left out when null), "rows", "notes"}} as pretty-printed JSON to {@code out}
     * (parent folders created; nulls kept, NaN and infinities written as such): the file of every {@code radlens
     * bench} command.
     */
    public static void writeJson(Path out, String bench, Map<String, Object> settings, List<?> rows,
                                 List<String> notes) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("bench", bench);
        if (settings != null) {
            root.put("settings", settings);
        }
        root.put("rows", rows);
        root.put("notes", notes);
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        Files.writeString(out, new GsonBuilder().setPrettyPrinting().serializeNulls()
                .serializeSpecialFloatingPointValues().create().toJson(root) + "\n", StandardCharsets.UTF_8);
    }

    public static String write(Path out, String bench, List<MetricsBench.Row> rows, List<String> notes)
            throws IOException {
        Files.createDirectories(out);
        List<Object> json = new ArrayList<>();
        for (MetricsBench.Row r : rows) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("workload", r.java().workload());
            o.put("java", r.java());
            o.put("peer", r.peer());
            o.put("ratio_java_over_peer", r.peer() == null ? null : r.ratio());
            json.add(o);
        }
        writeJson(out.resolve("bench.json"), bench, null, json, notes);
        String table = table(rows, notes);
        Files.writeString(out.resolve("bench.md"), "# radlens bench " + bench + "\n\n" + table, StandardCharsets.UTF_8);
        return table;
    }

    static String table(List<MetricsBench.Row> rows, List<String> notes) {
        StringBuilder sb = new StringBuilder("| workload | Java median (p95) ms | peer | peer median (p95) ms "
                + "| Java / peer |\n|---|---|---|---|---|\n");
        for (MetricsBench.Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %.3f (%.3f) | ", r.java().workload(), r.java().medianMs(),
                    r.java().p95Ms()));
            if (r.peer() == null) {
                sb.append("none | | |\n");
            } else {
                sb.append(String.format(Locale.ROOT, "%s | %.3f (%.3f) | %.2f |\n", r.peer().runner(),
                        r.peer().medianMs(), r.peer().p95Ms(), r.ratio()));
            }
        }
        notes.forEach(n -> sb.append("\n- ").append(n));
        return sb.append('\n').toString();
    }
}
