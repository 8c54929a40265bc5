package org.radlens.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.radlens.validation.eval.CsvEmbeddingSource;
import org.radlens.validation.eval.CsvHeatMapSource;
import org.radlens.validation.eval.CsvMaskSource;
import org.radlens.validation.eval.CsvScoreSource;
import org.radlens.validation.eval.EmbeddingSource;
import org.radlens.validation.eval.HeatMapSource;
import org.radlens.validation.eval.ImageIoFiles;
import org.radlens.validation.eval.ManifestException;
import org.radlens.validation.eval.MaskReader;
import org.radlens.validation.eval.MaskSource;
import org.radlens.validation.eval.ScoreSource;
import org.radlens.validation.eval.SourceException;
import org.radlens.validation.suite.SuiteSources;

/**
 * The one place where {@code radlens eval} meets the prediction services. Precomputed CSV outputs work today;
 * {@code --model PKG} is where the models module's services plug in (see {@link #fromModel}): the integrator
 * replaces that method's body with adapters over {@code ZeroShotClassifier}, {@code Grounder}, {@code Segmenter}
 * and the image/text encoders of a loaded {@code ModelPackage}.
 */
final class EvalSources implements SuiteSources {
    private final SourceOptions o;
    private final String imageColumn;

    EvalSources(SourceOptions options, String imageColumn) {
        this.o = options;
        this.imageColumn = imageColumn;
    }

    @Override
    public ScoreSource scores() throws SourceException {
        return o.scores != null ? read(() -> CsvScoreSource.read(o.scores, imageColumn), o.scores)
                : fromModel("--scores", ScoreSource.class);
    }

    @Override
    public HeatMapSource heatMaps() throws SourceException {
        return o.heatmaps != null ? read(() -> CsvHeatMapSource.read(o.heatmaps), o.heatmaps)
                : fromModel("--heatmaps", HeatMapSource.class);
    }

    @Override
    public MaskSource masks() throws SourceException {
        return o.masks != null ? read(() -> CsvMaskSource.read(o.masks, maskReader()), o.masks)
                : fromModel("--masks", MaskSource.class);
    }

    @Override
    public EmbeddingSource embeddings() throws SourceException {
        return o.embeddings != null ? read(() -> CsvEmbeddingSource.read(o.embeddings), o.embeddings)
                : fromModel("--embeddings", EmbeddingSource.class);
    }

    @Override
    public ScoreSource compareScores() throws SourceException {
        return o.compareScores == null ? null : read(() -> CsvScoreSource.read(o.compareScores, imageColumn),
                o.compareScores);
    }

    @Override
    public MaskReader maskReader() {
        return new ImageIoFiles();
    }

    /** The wiring point for model packages. */
    private <T> T fromModel(String csvOption, Class<T> kind) throws SourceException {
        if (o.model == null) {
            throw new SourceException("no predictions: give --model PKG or " + csvOption + " FILE");
        }
        throw new SourceException("--model " + o.model + ": this build has no " + kind.getSimpleName()
                + " backed by model packages yet; give precomputed outputs with " + csvOption + " FILE");
    }

    private interface Reader<T> {
        T read() throws IOException, ManifestException;
    }

    private static <T> T read(Reader<T> r, Path file) throws SourceException {
        try {
            return r.read();
        } catch (IOException | ManifestException e) {
            throw new SourceException("cannot read predictions " + file + ": " + e.getMessage(), e);
        }
    }
}
