package org.radlens.pipeline;

import org.radlens.models.DefaultModel;
import org.radlens.models.ModelLoadException;
import org.radlens.models.RadLensModel;
import org.radlens.models.encode.EncoderOptions;

import java.nio.file.Path;

/** Opens the shared model of a batch run so that workers × ONNX Runtime threads do not oversubscribe the CPU. */
public final class ScoreModels {
    private ScoreModels() {
    }

    /**
     * Opens {@code model} (null = {@link DefaultModel#locate()}) with {@code max(1, cores / workers)} intra-op threads
     * per inference call; the caller closes it.
     */
    public static RadLensModel open(Path model, int workers) throws ModelLoadException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, workers));
        EncoderOptions d = EncoderOptions.defaults();
        return RadLensModel.open(model != null ? model : DefaultModel.locate(),
                new EncoderOptions(d.imageBatchSize(), d.textBatchSize(), threads));
    }
}
