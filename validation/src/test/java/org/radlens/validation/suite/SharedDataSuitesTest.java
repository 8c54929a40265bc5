package org.radlens.validation.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.radlens.validation.eval.Manifest;

/** The built-in suites against the shared data (counts from the data README); skipped without RADLENS_DATA. */
@Tag("data")
class SharedDataSuitesTest {

    static Path dataRoot() {
        String p = System.getProperty("radlens.data", System.getenv("RADLENS_DATA"));
        Path root = p == null ? null : Path.of(p);
        assumeTrue(root != null && Files.isDirectory(root.resolve("cxr")), "skipped: shared data not found at " + p);
        return root;
    }

    @Test
    void kermanyOfficialTestSplit() throws Exception {
        Manifest m = SuiteManifests.adapt(Suites.load("kermany-zeroshot"), dataRoot());
        assertEquals(624, m.rows().size());
        assertEquals(390, m.rows().stream().filter(r -> r.get("label").equals("pneumonia")).count());
        m.requireFiles("image");
    }

    @Test
    void lungBoxesTestSplit() throws Exception {
        Manifest m = SuiteManifests.adapt(Suites.load("lung-box-grounding"), dataRoot());
        Set<String> images = new HashSet<>();
        m.rows().forEach(r -> images.add(r.get("image")));
        assertEquals(8, images.size());
        assertEquals(16, m.rows().size());
        assertTrue(m.rows().stream().allMatch(r -> r.get("query").equals("left lung")
                || r.get("query").equals("right lung")));
        m.requireFiles("image");
    }

    @Test
    void lungMasksTestSplit() throws Exception {
        Manifest m = SuiteManifests.adapt(Suites.load("lung-segmentation"), dataRoot());
        assertEquals(24, m.rows().size());
        m.requireFiles("mask");
    }

    @Test
    void covidNotesRetrievalTestSplit() throws Exception {
        Manifest m = SuiteManifests.adapt(Suites.load("covid-notes-retrieval"), dataRoot());
        assertTrue(m.rows().size() > 20 && m.rows().size() <= 56, "rows: " + m.rows().size());
        assertTrue(m.rows().stream().noneMatch(r -> r.get("text").isBlank()));
    }
}
