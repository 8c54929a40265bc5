package org.radlens.validation.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a finished evaluation reports. {@code metrics} is a tree of maps, lists, numbers and strings; it is
 * written verbatim under {@code "metrics"} in {@code metrics.json} (non-finite numbers become {@code null}).
 *
 * @param task           {@code zeroshot}, {@code grounding}, {@code segmentation}, {@code retrieval}
 * @param n              items evaluated (rows for zero-shot, segmentation, grounding; pairs for retrieval)
 * @param metrics        the numbers
 * @param modelName      model package name, or the predictions file name
 * @param modelSha256    its sha256
 * @param manifest       manifest path as given
 * @param manifestSha256 sha256 of the manifest file
 * @param failures       one line per item that could not be scored
 * @param plots          PNG files written next to the report, by caption
 * @param notes          conventions worth stating in the report (units, score handling)
 * @param summary        a short Markdown block (headline table) shown before the full metrics table, may be ""
 */
public record EvalReport(String task, int n, Map<String, Object> metrics, String modelName, String modelSha256,
                         String manifest, String manifestSha256, List<String> failures, Map<String, String> plots,
                         List<String> notes, String summary) {
    public EvalReport {
        Objects.requireNonNull(task, "task");
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        failures = List.copyOf(failures);
        plots = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(plots));
        notes = List.copyOf(notes);
        summary = summary == null ? "" : summary;
    }
}
