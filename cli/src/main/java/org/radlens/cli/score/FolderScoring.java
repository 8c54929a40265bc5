package org.radlens.cli.score;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
            write(s.row().srUid(), s.sr());
            write(s.row().segUid(), s.seg());
            write(s.scUid(), s.sc());
            return s.row();
        } catch (Exception e) { // the batch's one catch-all: this item becomes an error row, the others go on
            return ResultRow.failure(item.id(), ScoreErrors.describe(e));
        }
    }

    private void write(String uid, byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return;
        }
        Files.createDirectories(dicomOut);
        Path tmp = dicomOut.resolve(uid + ".dcm.tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, dicomOut.resolve(uid + ".dcm"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
