package org.radlens.validation.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The output folder's rules: {@code metrics.json} marks a finished run, so a folder holding one is refused unless
 * {@code force} is set (then the old report and item cache are deleted); otherwise a cache left by an interrupted
 * run is resumed.
 */
public final class OutputDir {
    public static final String METRICS = "metrics.json";
    public static final String REPORT = "report.md";
    public static final String CACHE = "items.jsonl";

    private OutputDir() {
    }

    /** Creates {@code out} or checks it may be written. */
    public static void prepare(Path out, boolean force) throws EvalException {
        try {
            Files.createDirectories(out);
            if (Files.exists(out.resolve(METRICS))) {
                if (!force) {
                    throw new EvalException(out.resolve(METRICS) + " exists: this folder holds a finished report; "
                            + "use --force to overwrite it or choose another --out");
                }
                Files.delete(out.resolve(METRICS));
                Files.deleteIfExists(out.resolve(REPORT));
                Files.deleteIfExists(out.resolve(CACHE));
            }
        } catch (IOException e) {
            throw new EvalException("cannot prepare output folder " + out, e);
        }
    }
}
