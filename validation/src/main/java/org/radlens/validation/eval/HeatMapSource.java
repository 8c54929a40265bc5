package org.radlens.validation.eval;

import java.nio.file.Path;
import org.radlens.volume3d.Image2D;

/**
 * A grounding heat map for an image and a text query, on the image's own pixel grid (width × height of the stored
 * image; higher = more related). Model-backed: the models module's grounder; precomputed: {@link CsvHeatMapSource}.
 */
public interface HeatMapSource extends AutoCloseable {
    Image2D heatMap(Path image, String query) throws SourceException;

    ModelInfo model();

    /** Releases the model (no checked exceptions: a source that fails to close logs and goes on). */
    @Override
    default void close() {
    }
}
