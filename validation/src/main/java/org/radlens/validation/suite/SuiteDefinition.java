package org.radlens.validation.suite;

import java.util.List;
import java.util.Map;

/**
 * A benchmark suite as stored in {@code validation/src/main/resources/suites/NAME.json}: which shared-data manifest
 * to read and how to adapt it to a task's columns. Paths in the data manifests are relative to the data root
 * ({@code $RADLENS_DATA}), so suites resolve images against it.
 *
 * @param name            suite name (the file name without {@code .json})
 * @param task            {@code zeroshot}, {@code grounding}, {@code segmentation} or {@code retrieval}
 * @param description     one sentence for reports
 * @param manifest        manifest path relative to the data root
 * @param join            optional: columns to copy from another manifest by a key column
 * @param filter          source column → allowed values (rows with another value are dropped)
 * @param columns         task column → source column
 * @param values          task column → (source value → task value), e.g. {@code left_lung → left lung}
 * @param constants       task column → fixed value
 * @param requireNonempty task columns whose empty rows are dropped (e.g. retrieval text)
 * @param classes         zero-shot classes
 * @param licence         the data's licence, restated in reports
 */
public record SuiteDefinition(String name, String task, String description, String manifest, Join join,
                              Map<String, List<String>> filter, Map<String, String> columns,
                              Map<String, Map<String, String>> values, Map<String, String> constants,
                              List<String> requireNonempty, List<String> classes, String licence) {

    /** Copy {@code columns} from {@code manifest} into each row whose {@code on} value matches. */
    public record Join(String manifest, String on, List<String> columns) {
    }

    public SuiteDefinition {
        filter = filter == null ? Map.of() : Map.copyOf(filter);
        columns = columns == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        values = values == null ? Map.of() : Map.copyOf(values);
        constants = constants == null ? Map.of() : Map.copyOf(constants);
        requireNonempty = requireNonempty == null ? List.of() : List.copyOf(requireNonempty);
        classes = classes == null ? List.of() : List.copyOf(classes);
        licence = licence == null ? "" : licence;
        description = description == null ? "" : description;
    }
}
