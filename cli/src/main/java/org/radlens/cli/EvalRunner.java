package org.radlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.radlens.validation.eval.EvalException;
import org.radlens.validation.eval.ManifestException;
import org.radlens.validation.eval.SourceException;
import org.radlens.validation.report.EvalReport;

/** Runs one evaluation for a subcommand and maps its outcome to an exit code and a short summary. */
final class EvalRunner {
    private EvalRunner() {
    }

    @FunctionalInterface
    interface Work {
        EvalReport run() throws IOException, ManifestException, EvalException, SourceException;
    }

    /** 0 done; 1 the work failed (no predictions, I/O, report exists); 2 the input manifest is unusable. */
    static int execute(Work work, PrintWriter out, PrintWriter err) {
        try {
            EvalReport r = work.run();
            out.printf("%s: %d items evaluated, %d failed; metrics.json and report.md written%n", r.task(), r.n(),
                    r.failures().size());
            out.flush();
            return 0;
        } catch (ManifestException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException | EvalException | SourceException e) {
            err.println("error: " + e.getMessage());
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                err.println("  caused by: " + c);
            }
            err.flush();
            return 1;
        }
    }
}
