package org.radlens.fiji.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radlens.fiji.Fixtures;
import org.radlens.fiji.ImagePlusConversions;
import org.radlens.fiji.ModelSession;
import org.radlens.fiji.UserError;
import org.radlens.models.zeroshot.FindingScore;

class ClassifyCommandTest {
    private final ModelSession session = Fixtures.session();

    @Test
    void scoresThePackageFindingsIntoTheResultsTableAndLeavesPixelsAlone() throws Exception {
        ImagePlus imp = OpenImageCommand.open(Fixtures.CXR_JPEG);
        long before = Fixtures.pixelChecksum(imp);
        List<FindingScore> scores = ClassifyCommand.execute(imp, new ClassifyCommand.Params("", false), session);
        try (ModelSession.Lease lease = session.acquire()) {
            assertEquals(lease.model().classifier().defaultFindings().size(), scores.size());
            List<FindingScore> direct = lease.model().classifier().classify(ImagePlusConversions.toImage2D(imp));
            assertEquals(direct, scores);
        }
        ResultsTable rt = ResultsTable.getResultsTable();
        assertEquals(scores.size(), rt.size());
        assertEquals(scores.get(0).finding(), rt.getStringValue("Finding", 0));
        assertEquals(scores.get(0).probability(), rt.getValue("Probability", 0), 1e-6);
        assertEquals(scores.get(0).positiveSimilarity(), rt.getValue("Similarity", 0), 1e-6);
        assertEquals(before, Fixtures.pixelChecksum(imp));
    }

    @Test
    void typedPromptsReplaceTheDefaultsWithOnly() throws Exception {
        ImagePlus imp = OpenImageCommand.open(Fixtures.CXR_JPEG);
        List<FindingScore> s = ClassifyCommand.execute(imp,
                new ClassifyCommand.Params("effusion: pleural effusion / no pleural effusion", true), session);
        assertEquals(1, s.size());
        assertEquals("effusion", s.get(0).finding());
        assertTrue(s.get(0).probability() >= 0 && s.get(0).probability() <= 1);
    }

    @Test
    void colourScreenshotsAndCtAreRefusedWithWhatToDo() throws Exception {
        ImagePlus rgb = Fixtures.rgbScreenshot();
        long before = Fixtures.pixelChecksum(rgb);
        UserError e = assertThrows(UserError.class,
                () -> ClassifyCommand.execute(rgb, new ClassifyCommand.Params("", false), session));
        assertTrue(e.getMessage().contains("colour (RGB)") && e.getMessage().contains("Image \u203a Type"),
                e.getMessage());
        assertEquals(before, Fixtures.pixelChecksum(rgb));
        ImagePlus ct = OpenImageCommand.open(Fixtures.CT_DICOM);
        e = assertThrows(UserError.class,
                () -> ClassifyCommand.execute(ct, new ClassifyCommand.Params("", false), session));
        assertTrue(e.getMessage().contains("is CT") && e.getMessage().contains("Classify Volume"), e.getMessage());
        assertThrows(UserError.class, () -> ClassifyCommand.execute(null, new ClassifyCommand.Params("", false),
                session));
    }
}
