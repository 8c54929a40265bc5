package org.radlens.validation.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Per-class scores for one image (zero-shot classification). Higher means more likely; probabilities in [0, 1] also
 * get a calibration analysis. A model-backed implementation wraps the models module's zero-shot classifier; a
 * precomputed one is {@link CsvScoreSource}.
 */
public interface ScoreSource extends AutoCloseable {
    /**
     * @param image   absolute path of the image
     * @param classes the classes to score, in order
     * @return a score for every class name in {@code classes}
     */
    Map<String, Double> scores(Path image, List<ClassPrompts> classes) throws SourceException;

    /** What produced the scores. */
    ModelInfo model();

    /** Releases the model (no checked exceptions: a source that fails to close logs and goes on). */
    @Override
    default void close() {
    }
}
