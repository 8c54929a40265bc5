package org.radlens.fiji.archfixture;

import org.radlens.pipeline.ResultRow;

/** Allowed: a Fiji batch command writing pipeline's result rows. */
public class FijiUsesPipeline {
    public String id(ResultRow row) {
        return row.id();
    }
}
