package org.radlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.web.DicomWebException;

/** Transient or for good: by exception type where the JDK or dicom-io has one, by the OS reason where it has not. */
class ScoreErrorsTest {
    @Test
    void networkFailuresAreTransientByTypeAnywhereInTheCauseChain() {
        assertTrue(ScoreErrors.isTransient(new ConnectException("x")));
        assertTrue(ScoreErrors.isTransient(new SocketException("Connection reset")));
        assertTrue(ScoreErrors.isTransient(new SocketTimeoutException("Read timed out")));
        assertTrue(ScoreErrors.isTransient(new HttpConnectTimeoutException("HTTP connect timed out")));
        assertTrue(ScoreErrors.isTransient(new DicomWebException("GET x: failed after 4 attempts: refused", 0,
                new ConnectException("Connection refused"))));
        assertTrue(ScoreErrors.isTransient(new RuntimeException("wrapped", new SocketTimeoutException("t"))));
    }

    @Test
    void dicomWebStatusDecidesNotTheMessage() {
        for (int busy : new int[] {429, 502, 503, 504}) {
            assertTrue(ScoreErrors.isTransient(new DicomWebException("POST studies: HTTP " + busy, busy, null)));
        }
        assertFalse(ScoreErrors.isTransient(new DicomWebException("GET x: HTTP 404", 404, null)));
        assertFalse(ScoreErrors.isTransient(new DicomWebException("GET /unreachable/http 503: HTTP 400", 400, null)),
                "a path that reads like a passing condition does not make a 400 transient");
    }

    @Test
    void fileSystemFailuresAreJudgedByTheirReasonNeverByTheFileName() {
        assertTrue(ScoreErrors.isTransient(new FileSystemException("/out/a.dcm", null, "No space left on device")));
        assertTrue(ScoreErrors.isTransient(new IOException("No space left on device")));
        assertTrue(ScoreErrors.isTransient(new IOException("Disk quota exceeded")));
        assertFalse(ScoreErrors.isTransient(new AccessDeniedException("/in/no-space-left-on-device.dcm", null,
                "Permission denied")));
        assertFalse(ScoreErrors.isTransient(new FileSystemException("/in/timed out/a.dcm", null, "Is a directory")));
        assertFalse(ScoreErrors.isTransient(new ImageReadException(java.nio.file.Path.of("/in/connection refused.dcm"), "not a DICOM file")));
    }

    @Test
    void rowsAreTransientOrErrorsAndOldJournalTextsStillReadAsTransient() {
        assertEquals(ResultRow.Status.TRANSIENT,
                ScoreErrors.row("a", new IOException("Input/output error")).status());
        assertEquals(ResultRow.Status.ERROR, ScoreErrors.row("a", new IOException("corrupt header")).status());
        assertTrue(ScoreErrors.isTransientMessage("POST studies: HTTP 503"));
        assertTrue(ScoreErrors.isTransientMessage("No space left on device"));
        assertFalse(ScoreErrors.isTransientMessage("not a DICOM file"));
    }
}
