package org.radlens.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.radlens.dicomio.scope.ScopeGate;
import org.radlens.models.ModelLoadException;
import org.radlens.models.RadLensModel;
import org.radlens.pipeline.ScoreModels;
import org.radlens.pipeline.ScoringEngine;

/**
 * The model of one executor JVM: opened by the first task that needs it, shared by every later task and task thread
 * of that JVM ({@link ScoringEngine} is thread-safe), and closed by a shutdown hook when the executor exits. This is
 * the one deliberate {@code static} model cache in RadLens: Spark gives tasks no per-executor object to own it.
 * Asking for a different package or options replaces (and closes) the previous model.
 */
public final class ExecutorModels {
    /** The engine; {@code fresh} when this call loaded it, taking {@code loadMillis}. */
    public record Loaded(ScoringEngine engine, boolean fresh, long loadMillis) {
    }

    private static RadLensModel model;
    private static ScoringEngine engine;
    private static String key;
    private static boolean hooked;

    private ExecutorModels() {
    }

    /**
     * The executor's engine for {@code modelPath}; {@code slots} concurrent tasks share the CPU; {@code modalities}
     * are the input gate's ({@code --modality}); {@code reducedDecode}: {@code --reduced-decode}.
     */
    public static synchronized Loaded get(Path modelPath, boolean segment, int slots, List<String> modalities,
                                          boolean reducedDecode) throws ModelLoadException, IOException {
        String k = modelPath + "|" + segment + "|" + slots + "|" + modalities + "|" + reducedDecode;
        if (k.equals(key)) {
            return new Loaded(engine, false, 0);
        }
        long t0 = System.nanoTime();
        close();
        model = ScoreModels.open(modelPath, slots);
        engine = new ScoringEngine(model, segment, null, new ScopeGate(modalities), reducedDecode);
        key = k;
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModels::close, "radlens-model-close"));
        }
        return new Loaded(engine, true, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Closes the model, if any; the next {@link #get} loads it again. */
    public static synchronized void close() {
        if (model != null) {
            model.close();
        }
        model = null;
        engine = null;
        key = null;
    }
}
