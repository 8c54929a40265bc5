package org.radlens.validation.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.radlens.models.pkg.Sha256;

/**
 * A CSV manifest: header, rows (each with its source line), the folder that relative paths resolve against
 * (by default the manifest's own folder), the sha256 of the file, and {@code origin}: how reports name the data
 * (the file path, or e.g. the suite that adapted it).
 *
 * <pre>{@code
 * Manifest m = Manifest.read(Path.of("data/labels.csv"));
 * m.requireColumns("image", "label");
 * Path img = m.resolve(m.rows().get(0).get("image"));
 * }</pre>
 */
public record Manifest(Path file, Path baseDir, List<String> header, List<Row> rows, String sha256, String origin) {

    /** One data row: its line in the file and its values by column name. */
    public record Row(int line, Map<String, String> values) {
        public Row {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The value of {@code column}, "" when absent. */
        public String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    public Manifest {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** Reads a manifest; relative paths resolve against its folder. Rows with the wrong field count are errors. */
    public static Manifest read(Path file) throws IOException, ManifestException {
        List<Csv.Record> records = Csv.read(file);
        if (records.isEmpty()) {
            throw new ManifestException(file + ": empty manifest", List.of("line 1: no header row"));
        }
        List<String> header = records.get(0).fields();
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Csv.Record r : records.subList(1, records.size())) {
            if (r.fields().size() != header.size()) {
                problems.add("line " + r.line() + ": " + r.fields().size() + " fields, header has " + header.size());
                continue;
            }
            Map<String, String> v = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                v.put(header.get(i), r.fields().get(i));
            }
            rows.add(new Row(r.line(), v));
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(file + ": rows do not match the header", problems);
        }
        Path base = file.toAbsolutePath().getParent();
        return new Manifest(file, base, header, rows, Sha256.hex(file), file.toString());
    }

    /** Throws listing every missing column and the columns the file has. */
    public void requireColumns(String... columns) throws ManifestException {
        List<String> problems = new ArrayList<>();
        for (String c : columns) {
            if (!header.contains(c)) {
                problems.add("unknown column '" + c + "' (columns: " + String.join(", ", header) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(file + ": unknown columns", problems);
        }
        if (rows.isEmpty()) {
            throw new ManifestException(file + ": no data rows", List.of("line 2: no data rows after the header"));
        }
    }

    /** Resolves a path from the manifest against {@link #baseDir()} (absolute paths stay as they are). */
    public Path resolve(String path) {
        return baseDir.resolve(path).normalize();
    }

    /** Throws listing every row whose file in {@code column} does not exist. */
    public void requireFiles(String column) throws ManifestException {
        List<String> problems = new ArrayList<>();
        for (Row r : rows) {
            String p = r.get(column);
            if (p.isBlank()) {
                problems.add("line " + r.line() + ": empty " + column);
            } else if (!Files.isRegularFile(resolve(p))) {
                problems.add("line " + r.line() + ": " + column + " " + p + " not found (looked in " + resolve(p) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(file + ": missing files", problems);
        }
    }

    /** A copy with only the rows that pass. */
    public Manifest filter(Predicate<Row> keep) {
        return new Manifest(file, baseDir, header, rows.stream().filter(keep).toList(), sha256, origin);
    }

    /** A copy whose relative paths resolve against {@code dir}. */
    public Manifest withBaseDir(Path dir) {
        return new Manifest(file, dir.toAbsolutePath(), header, rows, sha256, origin);
    }

    /** A copy with different rows and header (used by suite adaptation). */
    public Manifest withRows(List<String> newHeader, List<Row> newRows) {
        return new Manifest(file, baseDir, newHeader, newRows, sha256, origin);
    }

    /** A copy that reports name as {@code description}. */
    public Manifest describedAs(String description) {
        return new Manifest(file, baseDir, header, rows, sha256, description);
    }
}
