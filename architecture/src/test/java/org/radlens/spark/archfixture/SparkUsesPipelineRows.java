package org.radlens.spark.archfixture;

import org.radlens.pipeline.ResultRow;
import org.radlens.volume3d.Image2D;

/** Allowed: spark using pipeline classes (a nested one too). */
public class SparkUsesPipelineRows {
    public boolean failed(ResultRow row, ResultRow.Status status, Image2D image) {
        return row.failed() || status == null || image == null;
    }
}
