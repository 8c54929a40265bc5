package org.radlens.cli;

import org.radlens.models.DefaultModel;
import org.radlens.models.ModelLoadException;

import java.io.IOException;
import java.nio.file.Files;
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
 * The one place where {@code radlens eval} meets the prediction services: precomputed CSV outputs
 * ({@code --scores}, {@code --heatmaps}, {@code --masks}, {@code --embeddings}), or a model package
 * ({@code --model PKG}, through {@link ModelSources}).
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
                : ModelSources.scores(model("--scores"));
    }

    @Override
    public HeatMapSource heatMaps() throws SourceException {
        return o.heatmaps != null ? read(() -> CsvHeatMapSource.read(o.heatmaps), o.heatmaps)
                : ModelSources.heatMaps(model("--heatmaps"));
    }

    @Override
    public MaskSource masks() throws SourceException {
        return o.masks != null ? read(() -> CsvMaskSource.read(o.masks, maskReader()), o.masks)
                : ModelSources.masks(model("--masks"));
    }

    @Override
    public EmbeddingSource embeddings() throws SourceException {
        return o.embeddings != null ? read(() -> CsvEmbeddingSource.read(o.embeddings), o.embeddings)
                : ModelSources.embeddings(model("--embeddings"));
    }

    @Override
    public ScoreSource compareScores() throws SourceException {
        if (o.compareScores == null) {
            return null;
        }
        boolean pkg = Files.isDirectory(o.compareScores) || o.compareScores.toString().endsWith(".zip");
        return pkg ? ModelSources.scores(o.compareScores)
                : read(() -> CsvScoreSource.read(o.compareScores, imageColumn), o.compareScores);
    }

    @Override
    public MaskReader maskReader() {
        return new ImageIoFiles();
    }

    /** The package of {@code --model}, else the default package ({@code $RADLENS_MODEL} or the bundled one). */
    private Path model(String csvOption) throws SourceException {
        if (o.model != null) {
            return o.model;
        }
        try {
            return DefaultModel.locate();
        } catch (ModelLoadException e) {
            throw new SourceException("no predictions: give --model PKG or " + csvOption + " FILE ("
                    + e.getMessage() + ")", e);
        }
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
