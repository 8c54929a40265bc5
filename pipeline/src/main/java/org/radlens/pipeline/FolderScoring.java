package org.radlens.pipeline;

import java.nio.file.Path;

/**
 * The per-item work of a folder run: score the file (unless the input gate refuses it, or another item owns its SOP
 * Instance UID: a {@code duplicate} row) and, when asked, write its SR/SEG as {@code <dicomOut>/<SOP Instance
 * UID>.dcm} (atomic move, so a retried item overwrites the same file). Failures become error rows, or transient rows
 * (a full disk, an I/O error) that the next run retries.
 */
public final class FolderScoring implements BatchRunner.ItemScorer<FileInputs.Item> {
    private final ScoringEngine engine;
    private final Path dicomOut;
    private final UidClaims claims;

    /**
     * @param dicomOut folder for SR/SEG (and overlay SC) files, or null to write none
     * @param claims   who owns which SOP Instance UID (shared by every worker of the output folder)
     */
    public FolderScoring(ScoringEngine engine, Path dicomOut, UidClaims claims) {
        this.engine = engine;
        this.dicomOut = dicomOut;
        this.claims = claims;
    }

    @Override
    public ResultRow score(FileInputs.Item item) {
        try {
            Scored s = engine.score(item.id(), item.file(), dicomOut != null, claims);
            if (dicomOut != null) {
                s.writeTo(dicomOut);
            }
            return s.row();
        } catch (Exception e) { // the batch's one catch-all: this item becomes an error row, the others go on
            return ScoreErrors.row(item.id(), e);
        }
    }
}
