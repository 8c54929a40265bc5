package org.radlens.pipeline.archfixture;

import org.radlens.cli.Overlays;

/** Deliberately bad: the pipeline library importing an application (the CLI's PNG helper). */
public class PipelineUsesCli {
    public String name(String query) {
        return Overlays.slug(query);
    }
}
