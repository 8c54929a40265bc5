package org.radlens.cli.demo;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one demo step did.
 *
 * @param step    the step's {@link DemoStep#name()}
 * @param lines   human-readable lines for the console, one per thing done or skipped
 * @param details structured results for {@code summary.json} (values: strings, numbers, lists, maps)
 */
public record StepReport(String step, List<String> lines, Map<String, Object> details) {
    public StepReport {
        Objects.requireNonNull(step, "step");
        lines = List.copyOf(lines);
        details = Map.copyOf(details);
    }
}
