package org.radlens.validation.suite;

import org.radlens.validation.eval.EmbeddingSource;
import org.radlens.validation.eval.HeatMapSource;
import org.radlens.validation.eval.MaskReader;
import org.radlens.validation.eval.MaskSource;
import org.radlens.validation.eval.ScoreSource;
import org.radlens.validation.eval.SourceException;

/**
 * Where a suite run gets its predictions; each method is called at most once, for the suite's task, and the caller
 * closes what it returns. A method whose task the provider cannot serve throws {@link SourceException} saying so.
 */
public interface SuiteSources {
    ScoreSource scores() throws SourceException;

    HeatMapSource heatMaps() throws SourceException;

    MaskSource masks() throws SourceException;

    EmbeddingSource embeddings() throws SourceException;

    /** A second model's scores for a side-by-side paired DeLong test (zero-shot suites), or null for none. */
    default ScoreSource compareScores() throws SourceException {
        return null;
    }

    /** Reader for reference masks (PNG through ImageIO by default). */
    MaskReader maskReader();
}
