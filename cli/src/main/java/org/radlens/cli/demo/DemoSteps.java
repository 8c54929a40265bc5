package org.radlens.cli.demo;

import java.util.List;

/** The steps {@code radlens demo} runs, in order. New capabilities add their step here. */
public final class DemoSteps {
    private DemoSteps() {
    }

    /** Read the bundled samples (PNG, JPEG, DICOM), then classify, ground and segment them with the default model. */
    public static List<DemoStep> defaults() {
        return List.of(new ReadSamplesStep(), new AnalyseStep());
    }
}
