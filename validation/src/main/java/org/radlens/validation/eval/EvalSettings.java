package org.radlens.validation.eval;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings shared by every evaluation.
 *
 * @param out        output folder (created if needed)
 * @param force      overwrite a finished report instead of refusing
 * @param replicates bootstrap replicates for confidence intervals (&ge; 100)
 * @param level      confidence level, e.g. 0.95
 * @param seed       bootstrap seed
 * @param examples   how many example overlays to draw (grounding, segmentation)
 */
public record EvalSettings(Path out, boolean force, int replicates, double level, long seed, int examples) {
    public EvalSettings {
        Objects.requireNonNull(out, "out");
        if (replicates < 100 || !(level > 0 && level < 1) || examples < 0) {
            throw new IllegalArgumentException("bad settings: replicates=" + replicates + " level=" + level
                    + " examples=" + examples);
        }
    }

    /** 2000 replicates, 95 %, seed 42, 4 examples. */
    public static EvalSettings defaults(Path out) {
        return new EvalSettings(out, false, 2000, 0.95, 42L, 4);
    }

    public EvalSettings withForce(boolean f) {
        return new EvalSettings(out, f, replicates, level, seed, examples);
    }
}
