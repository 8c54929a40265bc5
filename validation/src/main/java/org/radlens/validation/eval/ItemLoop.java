package org.radlens.validation.eval;

import com.google.gson.JsonObject;
import org.radlens.dicomio.ReadFailures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The batch loop shared by the evaluations: each row's result comes from the cache or from the scorer, is cached at
 * once, and a row that fails becomes a failure line instead of stopping the run.
 */
final class ItemLoop {
    private ItemLoop() {
    }

    /** Computes one row's result (the JSON is what gets cached). */
    @FunctionalInterface
    interface Scorer {
        JsonObject score(Manifest.Row row) throws SourceException, IOException;
    }

    /** A row with its result. */
    record Scored(Manifest.Row row, JsonObject value) {
    }

    static List<Scored> run(List<Manifest.Row> rows, Function<Manifest.Row, String> key, Scorer scorer,
                            ItemCache cache, List<String> failures) throws IOException {
        List<Scored> out = new ArrayList<>();
        for (Manifest.Row row : rows) {
            String k = key.apply(row);
            JsonObject v = cache.get(k).orElse(null);
            if (v == null) {
                try {
                    v = scorer.score(row);
                } catch (SourceException | IOException | RuntimeException e) { // the one catch-all: item → error row
                    failures.add("line " + row.line() + ": " + k + ": " + describe(e));
                    continue;
                }
                cache.put(k, v);
            }
            out.add(new Scored(row, v));
        }
        return out;
    }

    private static String describe(Throwable e) {
        return ReadFailures.describe(e);
    }

    /** Throws when nothing at all could be scored. */
    static void requireSome(List<Scored> scored, List<String> failures) throws EvalException {
        if (scored.isEmpty()) {
            throw new EvalException("no item could be evaluated; first failure: "
                    + (failures.isEmpty() ? "(none: the manifest has no rows)" : failures.get(0)));
        }
    }
}
