package org.radlens.cli.score;

import java.nio.file.Path;

/**
 * The per-item work of a folder run: score the file and, when asked, write its SR/SEG as
 * {@code <dicomOut>/<SOP Instance UID>.dcm} (atomic move, so a retried item overwrites the same file).
 */
public final class FolderScoring implements BatchRunner.ItemScorer<FileInputs.Item> {
    private final ScoringEngine engine;
    private final Path dicomOut;

    /** @param dicomOut folder for SR/SEG (and overlay SC) files, or null to write none */
    public FolderScoring(ScoringEngine engine, Path dicomOut) {
        this.engine = engine;
        this.dicomOut = dicomOut;
    }

    @Override
    public ResultRow score(FileInputs.Item item) {
        try {
            ScoringEngine.Scored s = engine.score(item.id(), item.file(), dicomOut != null);
            if (dicomOut != null) {
                s.writeTo(dicomOut);
            }
            return s.row();
        } catch (Exception e) { // the batch's one catch-all: this item becomes an error row, the others go on
            return ResultRow.failure(item.id(), ScoreErrors.describe(e));
        }
    }
}
