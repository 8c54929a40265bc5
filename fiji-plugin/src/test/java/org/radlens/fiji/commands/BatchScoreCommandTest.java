package org.radlens.fiji.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.fiji.BatchScorer;
import org.radlens.fiji.Fixtures;
import org.radlens.fiji.UserError;

class BatchScoreCommandTest {
    @Test
    void scoresEveryImageWritesCsvAndTurnsColourFilesIntoErrorRows(@TempDir Path dir) throws Exception {
        Files.copy(Fixtures.CXR_JPEG, dir.resolve("a.jpg"));
        Files.copy(Fixtures.CXR_DICOM, dir.resolve("b.dcm"));
        Files.writeString(dir.resolve("readme.txt"), "skipped");
        ImagePlus rgb = Fixtures.rgbScreenshot();
        ImageIO.write(rgb.getBufferedImage(), "png", dir.resolve("c-screenshot.png").toFile());
        Path csv = dir.resolve("out/scores.csv");
        List<BatchScorer.Row> rows = BatchScoreCommand.execute(
                new BatchScoreCommand.Params(dir.toString(), csv.toString()), Fixtures.session());
        assertEquals(3, rows.size());
        assertEquals("a.jpg", rows.get(0).file());
        assertEquals("", rows.get(0).error());
        assertTrue(rows.get(0).probabilities().containsKey("pneumonia"));
        assertTrue(rows.get(2).error().contains("colour"), rows.get(2).error());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).startsWith("file,pneumonia,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("a.jpg,0."), lines.get(1));
    }

    @Test
    void ctMrAndNiftiAmongTheCxrsAreRefusedWithoutScores(@TempDir Path dir) throws Exception {
        Files.copy(Fixtures.CXR_JPEG, dir.resolve("a.jpg"));
        Files.copy(Fixtures.CXR_DICOM, dir.resolve("b.dcm"));
        Files.copy(Fixtures.CT_DICOM, dir.resolve("c-ct.dcm"));
        Files.copy(Fixtures.IO_FIXTURES.resolve("MR_small_RLE.dcm"), dir.resolve("d-mr.dcm"));
        Files.copy(Fixtures.NIFTI, dir.resolve("e-volume.nii"));
        Path csv = dir.resolve("out/scores.csv");
        List<BatchScorer.Row> rows = BatchScoreCommand.execute(
                new BatchScoreCommand.Params(dir.toString(), csv.toString()), Fixtures.session());
        assertEquals(List.of("in_scope", "in_scope", "refused:ct", "refused:mr", "refused:volume"),
                rows.stream().map(BatchScorer.Row::scope).toList());
        for (BatchScorer.Row r : rows.subList(2, 5)) {
            assertTrue(r.probabilities().isEmpty() && r.note().startsWith(r.file() + " "), r.toString());
        }
        assertTrue(rows.get(1).probabilities().containsKey("pneumonia"));
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).endsWith(",top,input_scope,note,error"), lines.get(0));
        assertTrue(lines.get(3).startsWith("c-ct.dcm,,") && lines.get(3).contains("refused:ct"), lines.get(3));
    }

    @Test
    void aMissingOrEmptyFolderIsAUserError(@TempDir Path dir) {
        assertThrows(UserError.class, () -> BatchScoreCommand.execute(
                new BatchScoreCommand.Params(dir.resolve("nope").toString(), ""), Fixtures.session()));
        assertThrows(UserError.class, () -> BatchScoreCommand.execute(
                new BatchScoreCommand.Params(dir.toString(), ""), Fixtures.session()));
    }
}
