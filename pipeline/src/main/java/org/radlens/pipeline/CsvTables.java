package org.radlens.pipeline;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * The CSV conventions of every result table RadLens writes (pipeline's {@code results.csv}, Fiji's batch CSV): LF line
 * ends, a cell quoted only when it holds a comma, a double quote or a line break, {@code ""} for a quote, line breaks
 * folded to spaces (one row per line, for {@code grep} and spreadsheet imports alike), probabilities with six
 * decimals, and files replaced atomically.
 *
 * <pre>{@code
 * StringBuilder csv = new StringBuilder(CsvTables.line(List.of("file", "note"))).append('\n');
 * csv.append(CsvTables.line(List.of("a.dcm", "flagged, lateral"))).append('\n');   // a.dcm,"flagged, lateral"
 * CsvTables.replace(Path.of("out/scores.csv"), csv.toString());
 * }</pre>
 */
public final class CsvTables {
    private CsvTables() {
    }

    /** One cell: as is, or in double quotes (quotes doubled, line breaks as spaces) when it needs them. */
    public static String cell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"").replace("\n", " ") + '"';
        }
        return s;
    }

    /** The cells, each through {@link #cell}, joined by commas (no line end). */
    public static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        return sb.toString();
    }

    /** A probability cell: six decimals, or empty when there is none ({@code null}). */
    public static String probability(Double p) {
        return p == null ? "" : String.format(Locale.ROOT, "%.6f", p);
    }

    /**
     * Writes {@code content} (UTF-8) to {@code target} through a temporary sibling and an atomic move, creating the
     * parent folder; a failed write (a full disk) leaves neither a partial target nor the temporary file.
     */
    public static void replace(Path target, String content) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(content);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
