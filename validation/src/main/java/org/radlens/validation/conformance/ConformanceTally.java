package org.radlens.validation.conformance;

import org.radlens.dicomio.reference.Outcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Outcome counts per category (transfer syntax, NIfTI source folder and suffix) and the details worth listing. */
public final class ConformanceTally {
    private final Map<String, int[]> rows = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> deviations = new ArrayList<>();

    public void add(String category, Outcome o, String detail) {
        rows.computeIfAbsent(category, k -> new int[Outcome.values().length])[o.ordinal()]++;
        if (o == Outcome.FAILED) {
            failures.add(detail);
        } else if (o == Outcome.KNOWN_DEVIATION) {
            deviations.add(detail);
        }
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public List<String> deviations() {
        return List.copyOf(deviations);
    }

    public int files() {
        return rows.values().stream().mapToInt(ConformanceTally::sum).sum();
    }

    public int count(Outcome o) {
        return rows.values().stream().mapToInt(r -> r[o.ordinal()]).sum();
    }

    /** {@code {category: {files, equal, within_tolerance, …}}} plus a {@code total} entry. */
    public Map<String, Object> byCategory() {
        Map<String, Object> m = new LinkedHashMap<>();
        int[] total = new int[Outcome.values().length];
        rows.forEach((k, r) -> {
            m.put(k, counts(r));
            for (int i = 0; i < r.length; i++) {
                total[i] += r[i];
            }
        });
        m.put("total", counts(total));
        return m;
    }

    /** Markdown table: one row per category and a total. */
    public String table(String categoryHeader) {
        StringBuilder sb = new StringBuilder("| " + categoryHeader + " | files");
        for (Outcome o : Outcome.values()) {
            sb.append(" | ").append(o.key().replace('_', ' '));
        }
        sb.append(" |\n|---|---").append("|---".repeat(Outcome.values().length)).append("|\n");
        byCategory().forEach((k, v) -> {
            @SuppressWarnings("unchecked")
            Map<String, Integer> c = (Map<String, Integer>) v;
            sb.append("| ").append(k.equals("total") ? "**total**" : k);
            c.values().forEach(n -> sb.append(" | ").append(n));
            sb.append(" |\n");
        });
        return sb.toString();
    }

    private static Map<String, Integer> counts(int[] r) {
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("files", sum(r));
        for (Outcome o : Outcome.values()) {
            c.put(o.key(), r[o.ordinal()]);
        }
        return c;
    }

    private static int sum(int[] r) {
        int s = 0;
        for (int v : r) {
            s += v;
        }
        return s;
    }
}
