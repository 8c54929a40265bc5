package org.radlens.cli.demo;

import java.util.List;

/** The steps {@code radlens demo} runs, in order. New capabilities add their step here. */
public final class DemoSteps {
    private DemoSteps() {
    }

    /** Today: read the bundled samples. Classification, grounding and segmentation steps follow it. */
    public static List<DemoStep> defaults() {
        return List.of(new ReadSamplesStep());
    }
}
