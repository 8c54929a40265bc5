package org.radlens.spark.archfixture;

import org.radlens.cli.score.ResultRow;
import org.radlens.volume3d.Image2D;

/** Allowed for now: spark using cli classes listed in ModuleRules.TEMPORARY_EXCEPTIONS (a nested one too). */
public class SparkUsesExceptedRows {
    public boolean failed(ResultRow row, ResultRow.Status status, Image2D image) {
        return row.failed() || status == null || image == null;
    }
}
