package org.radlens.cli.demo;

import java.io.IOException;

/**
 * One step of {@code radlens demo}: reads what it needs from the {@link DemoContext}, does its work, and reports.
 * Steps run in the order of {@link DemoSteps#defaults()}; a later step (classification, grounding, segmentation)
 * can use what an earlier one put into the context.
 */
public interface DemoStep {

    /** Short, stable name used in the printed log and in {@code summary.json}, e.g. {@code read-samples}. */
    String name();

    /**
     * Runs the step.
     *
     * @return what the step did, for the console and the summary
     * @throws IOException when an input cannot be read or an output cannot be written
     */
    StepReport run(DemoContext context) throws IOException;
}
