package org.radlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code radlens eval suite nifti-conformance|dicom-conformance}: exit codes, summary line, files written. */
class EvalConformanceCommandTest extends CliTest {
    @TempDir
    Path tmp;


    @Test
    void missingReferenceIsAClearErrorWithoutStackTrace() {
        int code = run("eval", "suite", "dicom-conformance", "--data", tmp.toString(), "--out",
                tmp.resolve("o").toString());
        assertEquals(1, code);
        assertTrue(err.toString().startsWith("error: ") && err.toString().contains("dicom/expected.json"),
                err.toString());
        assertTrue(!err.toString().contains("\tat "), "no stack trace");
    }

    @Test
    @Tag("data")
    void niftiSuiteOverTheSharedData() throws Exception {
        String data = System.getProperty("radlens.data", System.getenv("RADLENS_DATA"));
        assumeTrue(data != null && Files.isRegularFile(Path.of(data, "nifti/expected.json")),
                "RADLENS_DATA with nifti/expected.json not set: skipped");
        Path o = tmp.resolve("n");
        assertEquals(0, run("eval", "suite", "nifti-conformance", "--data", data, "--out", o.toString()),
                err.toString());
        assertTrue(out.toString().contains("0 failed"), out.toString());
        assertTrue(Files.readString(o.resolve("metrics.json")).contains("\"by_source\""));
        assertTrue(Files.isRegularFile(o.resolve("report.md")));
    }
}
