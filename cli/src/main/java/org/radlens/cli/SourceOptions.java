package org.radlens.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where predictions come from: a model package, or precomputed outputs (a picocli mixin for `eval suite`). */
final class SourceOptions {
    @Option(names = "--model", description = "Model package (folder or zip).")
    Path model;

    @Option(names = "--scores", description = "Precomputed zero-shot scores CSV: image column + one column per class.")
    Path scores;

    @Option(names = {"--compare", "--compare-scores"}, paramLabel = "PKG|CSV",
            description = "Second model for a paired DeLong test per class: a model package (folder or .zip) or its scores CSV.")
    Path compareScores;

    @Option(names = "--heatmaps", description = "Precomputed heat maps CSV: image,query,heatmap (grey PNG).")
    Path heatmaps;

    @Option(names = "--masks", description = "Precomputed masks CSV: image,mask[,class].")
    Path masks;

    @Option(names = "--embeddings", description = "Precomputed embeddings CSV: kind,key,e0,e1,...")
    Path embeddings;

    /** Options for a task command that declares only its own prediction options. */
    static SourceOptions of(Path model, Path scores, Path compareScores, Path heatmaps, Path masks, Path embeddings) {
        SourceOptions o = new SourceOptions();
        o.model = model;
        o.scores = scores;
        o.compareScores = compareScores;
        o.heatmaps = heatmaps;
        o.masks = masks;
        o.embeddings = embeddings;
        return o;
    }
}
