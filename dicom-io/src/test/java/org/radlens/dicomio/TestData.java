package org.radlens.dicomio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates test inputs: the shared data folder (system property radlens.data or env RADLENS_DATA) and fixtures. */
public final class TestData {
    /** The committed DX sample (../samples) that the SR/SEG/SC and copy tests derive objects from. */
    public static final Path SAMPLE = Path.of("../samples/covid-notes-329_637.dcm");

    private TestData() {
    }

    /** The shared data folder; skips the calling test (JUnit assumption) with a clear message when absent. */
    public static Path root() {
        String p = System.getProperty("radlens.data");
        if (p == null || p.isBlank() || !Files.isDirectory(Path.of(p))) {
            p = System.getenv("RADLENS_DATA");
        }
        boolean ok = p != null && !p.isBlank() && Files.isRegularFile(Path.of(p, "dicom", "expected.json"));
        assumeTrue(ok, "RADLENS_DATA / -Dradlens.data not set or without dicom/expected.json: data tests skipped");
        return Path.of(p);
    }

    /** A committed fixture under src/test/resources/fixtures. */
    public static Path fixture(String name) {
        try {
            return Path.of(TestData.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("fixture missing: " + name, e);
        }
    }
}
