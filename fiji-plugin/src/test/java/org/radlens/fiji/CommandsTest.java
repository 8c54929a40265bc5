package org.radlens.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.radlens.dicomio.UnsupportedFormatException;
import org.radlens.models.InferenceException;
import org.radlens.models.ModelLoadException;

class CommandsTest {
    @AfterEach
    void resetEscape() {
        IJ.resetEscape();
    }

    @Test
    void escapeStopsABatchAfterTheCurrentItem() throws Exception {
        Commands.step("t", 0, 3);
        IJ.setKeyDown(KeyEvent.VK_ESCAPE);
        Cancelled c = assertThrows(Cancelled.class, () -> Commands.step("Batch Score Folder", 1, 3));
        assertEquals("Batch Score Folder cancelled (Esc)", c.getMessage());
        try (ModelSession.Lease lease = Fixtures.session().acquire()) {
            assertThrows(Cancelled.class, () -> BatchScorer.score(lease.model(),
                    List.of(Fixtures.CXR_JPEG, Fixtures.CXR_DICOM), Map.of()));
        }
    }

    @Test
    void everyFailureBecomesAMessageThatSaysWhatToDo() {
        String model = Commands.message(new ModelLoadException("pkg: sha256 mismatch"));
        assertTrue(model.contains("sha256 mismatch") && model.contains("Model\u2026"), model);
        String read = Commands.message(new UnsupportedFormatException(Path.of("x.dcm"), "", "JPEG-LS"));
        assertTrue(read.contains("x.dcm") && read.contains("DICOM, NIfTI"), read);
        assertTrue(Commands.message(new InferenceException("engine", null)).contains("model failed"));
        assertEquals("fix this", Commands.message(new UserError("fix this")));
        String bug = Commands.message(new IllegalStateException("oops"));
        assertTrue(bug.startsWith("Unexpected failure: oops") && !bug.contains("\tat "), bug);
    }
}
