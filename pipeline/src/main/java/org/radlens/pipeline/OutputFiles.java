package org.radlens.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes {@code results.csv} and {@code results.jsonl} from the journal's rows, sorted by id, each through a temporary
 * file and an atomic move: outputs are always rebuilt, never appended, so they cannot hold a row twice.
 * CSV columns: id, sop_instance_uid, one column per finding, status ({@code scored}, {@code refused},
 * {@code duplicate}, {@code error}), input_scope ({@code in_scope}, {@code flagged:<reasons>}, {@code refused:<reason>};
 * empty for errors), note (why refused or flagged, or which item a duplicate repeats), lung_area_mm2, sr_uid, seg_uid,
 * error, in the conventions of {@link CsvTables}. Transient failures are not final results and are not written (the
 * next run retries them). A failed write (a full disk) leaves no temporary file.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    public static void write(Path outDir, List<ResultRow> rows) throws IOException {
        List<ResultRow> sorted = new ArrayList<>(rows.stream().filter(r -> !r.isTransient()).toList());
        sorted.sort(Comparator.comparing(ResultRow::id));
        Set<String> findings = new LinkedHashSet<>();
        sorted.forEach(r -> findings.addAll(r.findings().keySet()));
        StringBuilder csv = new StringBuilder("id,sop_instance_uid");
        findings.forEach(f -> csv.append(',').append(CsvTables.cell(f)));
        csv.append(",status,input_scope,note,lung_area_mm2,sr_uid,seg_uid,error\n");
        StringBuilder jsonl = new StringBuilder();
        for (ResultRow r : sorted) {
            csv.append(CsvTables.cell(r.id())).append(',').append(r.sopInstanceUid());
            for (String f : findings) {
                csv.append(',').append(CsvTables.probability(r.findings().get(f)));
            }
            csv.append(',').append(r.status().label()).append(',').append(CsvTables.cell(r.scope())).append(',')
                    .append(CsvTables.cell(r.note()));
            csv.append(',').append(Double.isNaN(r.lungAreaMm2()) ? "" : String.format(Locale.ROOT, "%.1f",
                    r.lungAreaMm2()));
            csv.append(',').append(r.srUid()).append(',').append(r.segUid()).append(',')
                    .append(CsvTables.cell(r.error())).append('\n');
            jsonl.append(r.toJson()).append('\n');
        }
        CsvTables.replace(outDir.resolve("results.csv"), csv.toString());
        CsvTables.replace(outDir.resolve("results.jsonl"), jsonl.toString());
    }
}
