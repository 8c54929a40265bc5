package org.radlens.validation.conformance;

import org.radlens.dicomio.reference.Outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both suites over the shared data: no failures, and as many exact matches as dicom-io's own tests last measured. */
@Tag("data")
class SharedDataConformanceTest {
    @TempDir
    Path tmp;

    private static Path data() {
        String p = System.getProperty("radlens.data", System.getenv("RADLENS_DATA"));
        assumeTrue(p != null && Files.isRegularFile(Path.of(p, "dicom/expected.json")),
                "RADLENS_DATA (or -Dradlens.data) with dicom/expected.json not set: skipped");
        return Path.of(p);
    }

    @Test
    @Tag("slow") // ~10 s, the same decoding as dicom-io's DicomConformanceTest, which runs by default
    void dicomSuiteMatchesDicomIoConformance() throws Exception {
        ConformanceTally t = ConformanceSuites.run("dicom-conformance", data(), tmp.resolve("d"), false);
        assertTrue(t.failures().isEmpty(), String.join("\n", t.failures()));
        assertTrue(t.count(Outcome.EQUAL) >= 163, "exact matches: " + t.count(Outcome.EQUAL));
    }

    @Test
    void niftiSuiteIsAllEqual() throws Exception {
        ConformanceTally t = ConformanceSuites.run("nifti-conformance", data(), tmp.resolve("n"), false);
        assertEquals(t.files(), t.count(Outcome.EQUAL), String.join("\n", t.failures()));
    }
}
