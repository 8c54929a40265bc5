package org.radlens.validation.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radlens.validation.eval.Manifest;
import org.radlens.validation.eval.ManifestException;

/**
 * Adapts a shared-data manifest to a task: join, filter, column mapping, value mapping, constants, dropping rows
 * with empty required columns. The result resolves paths against the data root and keeps the source manifest's
 * file and sha256, so reports name the real data.
 */
public final class SuiteManifests {
    private SuiteManifests() {
    }

    public static Manifest adapt(SuiteDefinition d, Path dataRoot) throws IOException, ManifestException {
        Manifest src = Manifest.read(dataRoot.resolve(d.manifest())).withBaseDir(dataRoot);
        if (d.join() != null) {
            src = join(src, d.join(), dataRoot);
        }
        List<String> needed = new ArrayList<>(d.filter().keySet());
        needed.addAll(d.columns().values());
        src.requireColumns(needed.toArray(String[]::new));
        List<String> header = new ArrayList<>(d.columns().keySet());
        header.addAll(d.constants().keySet());
        List<Manifest.Row> rows = new ArrayList<>();
        for (Manifest.Row r : src.rows()) {
            if (keep(d, r)) {
                Map<String, String> v = new LinkedHashMap<>();
                d.columns().forEach((task, column) -> v.put(task, mapValue(d, task, r.get(column))));
                v.putAll(d.constants());
                if (d.requireNonempty().stream().noneMatch(c -> v.getOrDefault(c, "").isBlank())) {
                    rows.add(new Manifest.Row(r.line(), v));
                }
            }
        }
        return src.withRows(header, rows).describedAs("suite " + d.name() + ": " + d.manifest() + " " + d.filter());
    }

    private static boolean keep(SuiteDefinition d, Manifest.Row r) {
        return d.filter().entrySet().stream().allMatch(e -> e.getValue().contains(r.get(e.getKey())));
    }

    private static String mapValue(SuiteDefinition d, String taskColumn, String value) {
        Map<String, String> map = d.values().get(taskColumn);
        return map == null ? value : map.getOrDefault(value, value);
    }

    private static Manifest join(Manifest src, SuiteDefinition.Join j, Path dataRoot)
            throws IOException, ManifestException {
        Manifest other = Manifest.read(dataRoot.resolve(j.manifest()));
        List<String> cols = new ArrayList<>(j.columns());
        cols.add(j.on());
        other.requireColumns(cols.toArray(String[]::new));
        src.requireColumns(j.on());
        Map<String, Manifest.Row> byKey = new HashMap<>();
        other.rows().forEach(r -> byKey.put(r.get(j.on()), r));
        List<String> problems = new ArrayList<>();
        List<Manifest.Row> rows = new ArrayList<>();
        for (Manifest.Row r : src.rows()) {
            Manifest.Row match = byKey.get(r.get(j.on()));
            if (match == null) {
                problems.add("line " + r.line() + ": " + j.on() + " '" + r.get(j.on()) + "' not found in " + j.manifest());
                continue;
            }
            Map<String, String> v = new LinkedHashMap<>(r.values());
            j.columns().forEach(c -> v.put(c, match.get(c)));
            rows.add(new Manifest.Row(r.line(), v));
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(src.file() + ": join with " + j.manifest() + " failed", problems);
        }
        List<String> header = new ArrayList<>(src.header());
        j.columns().stream().filter(c -> !header.contains(c)).forEach(header::add);
        return src.withRows(header, rows);
    }
}
