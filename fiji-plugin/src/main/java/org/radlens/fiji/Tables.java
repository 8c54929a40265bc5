package org.radlens.fiji;

import ij.macro.Interpreter;
import ij.measure.ResultsTable;
import java.awt.GraphicsEnvironment;

/** The ImageJ "Results" table the commands fill (reset by each command, so a macro reads only its own rows). */
public final class Tables {
    private Tables() {
    }

    /** The system Results table, emptied. */
    public static ResultsTable fresh() {
        ResultsTable rt = ResultsTable.getResultsTable();
        if (rt == null) {
            rt = new ResultsTable();
        }
        rt.reset();
        return rt;
    }

    /** Shows the table where that makes sense (a window, or the batch-mode table macros read). */
    public static void show(ResultsTable rt) {
        if (!GraphicsEnvironment.isHeadless() || Interpreter.isBatchMode()) {
            rt.show("Results");
        }
    }
}
