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
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.validation.eval.CsvMaskSource;
import org.radlens.validation.eval.EmbeddingSource;
import org.radlens.validation.eval.EvalSettings;
import org.radlens.validation.eval.HeatMapSource;
import org.radlens.validation.eval.ImageIoFiles;
import org.radlens.validation.eval.Manifest;
import org.radlens.validation.eval.ManifestException;
import org.radlens.validation.eval.MaskReader;
import org.radlens.validation.eval.MaskSource;
import org.radlens.validation.eval.ScoreSource;
import org.radlens.validation.eval.SourceException;
import org.radlens.validation.report.EvalReport;

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
    void lungSegmentationAgainstTheReferenceItselfIsPerfect(@TempDir Path tmp) throws Exception {
        Path root = dataRoot();
        SuiteDefinition d = Suites.load("lung-segmentation");
        Manifest m = SuiteManifests.adapt(d, root);
        StringBuilder csv = new StringBuilder("image,mask\n");
        m.rows().forEach(r -> csv.append(m.resolve(r.get("image"))).append(',').append(m.resolve(r.get("mask")))
                .append('\n'));
        Files.writeString(tmp.resolve("pred.csv"), csv);
        SuiteSources sources = masksOnly(tmp.resolve("pred.csv"));
        EvalReport r = SuiteRunner.run(d, root, sources, new EvalSettings(tmp.resolve("out"), false, 100, 0.95, 1, 1));
        assertEquals(24, r.n());
        assertTrue(r.failures().isEmpty(), r.failures().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> dice = (Map<String, Object>) r.metrics().get("dice");
        assertEquals(1.0, (double) dice.get("min"), 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> hd95 = (Map<String, Object>) r.metrics().get("hd95_mm");
        assertEquals(0.0, (double) hd95.get("max"), 0);
        assertTrue(Files.size(tmp.resolve("out/example-1.png")) > 0);
    }

    @Test
    void covidNotesRetrievalTestSplit() throws Exception {
        Manifest m = SuiteManifests.adapt(Suites.load("covid-notes-retrieval"), dataRoot());
        assertTrue(m.rows().size() > 20 && m.rows().size() <= 56, "rows: " + m.rows().size());
        assertTrue(m.rows().stream().noneMatch(r -> r.get("text").isBlank()));
    }

    /** Sources that serve only precomputed masks. */
    private static SuiteSources masksOnly(Path predictions) {
        return new SuiteSources() {
            @Override
            public ScoreSource scores() throws SourceException {
                throw new SourceException("not used");
            }

            @Override
            public HeatMapSource heatMaps() throws SourceException {
                throw new SourceException("not used");
            }

            @Override
            public MaskSource masks() throws SourceException {
                try {
                    return CsvMaskSource.read(predictions, new ImageIoFiles());
                } catch (IOException | ManifestException e) {
                    throw new SourceException("cannot read", e);
                }
            }

            @Override
            public EmbeddingSource embeddings() throws SourceException {
                throw new SourceException("not used");
            }

            @Override
            public MaskReader maskReader() {
                return new ImageIoFiles();
            }
        };
    }
}
