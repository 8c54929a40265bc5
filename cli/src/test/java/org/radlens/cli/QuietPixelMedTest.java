package org.radlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuietPixelMedTest {
    @Test
    void dropsPixelMedsDirectLinesAndKeepsEveryoneElses() throws Exception {
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            QuietPixelMed.install();
            QuietPixelMed.install(); // once only
            System.err.println("ours");
            // a real PixelMed path that prints "Error: Transfer Syntax UID was not specified ..." to System.err
            org.radlens.dicomio.DicomReader.readHeader(java.nio.file.Path.of(
                    "../dicom-io/src/test/resources/fixtures/meta_missing_tsyntax.dcm"));
            System.err.println("still ours");
        } finally {
            System.setErr(before);
        }
        assertEquals("ours\nstill ours\n", captured.toString(StandardCharsets.UTF_8).replace("\r", ""));
    }
}
