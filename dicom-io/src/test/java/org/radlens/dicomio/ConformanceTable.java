package org.radlens.dicomio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.radlens.dicomio.reference.Outcome;

/** Per-category outcome counts and the failures, printed as a Markdown table. */
public final class ConformanceTable {
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
        return failures;
    }

    int count(Outcome o) {
        return rows.values().stream().mapToInt(r -> r[o.ordinal()]).sum();
    }

    public String render(String title) {
        StringBuilder sb = new StringBuilder("\n### " + title + "\n\n| category | files | equal | within tolerance "
                + "| unsupported | no pixel data | reference failed | known deviation | failed |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        int[] total = new int[Outcome.values().length];
        rows.forEach((k, r) -> {
            sb.append(line(k, r));
            for (int i = 0; i < r.length; i++) {
                total[i] += r[i];
            }
        });
        sb.append(line("**total**", total));
        deviations.forEach(f -> sb.append("KNOWN DEVIATION: ").append(f).append('\n'));
        failures.forEach(f -> sb.append("FAILED: ").append(f).append('\n'));
        return sb.toString();
    }

    private static String line(String k, int[] r) {
        int files = 0;
        for (int v : r) {
            files += v;
        }
        return "| " + k + " | " + files + " | " + r[0] + " | " + r[1] + " | " + r[2] + " | " + r[3] + " | " + r[4]
                + " | " + r[5] + " | " + r[6] + " |\n";
    }
}
