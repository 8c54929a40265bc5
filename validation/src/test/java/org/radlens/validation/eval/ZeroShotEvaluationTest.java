package org.radlens.validation.eval;

import org.radlens.models.pkg.Sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.validation.metrics.Classification;

class ZeroShotEvaluationTest {
    static final List<ClassPrompts> CLASSES = List.of(new ClassPrompts("normal", List.of()),
            new ClassPrompts("pneumonia", List.of()));
    static final ZeroShotSpec SPEC = new ZeroShotSpec("image", "label", CLASSES);

    @TempDir
    Path dir;

    private EvalSettings settings() {
        return new EvalSettings(dir.resolve("out"), false, 200, 0.95, 1, 2);
    }

    @Test
    void writesMetricsReportAndPlots() throws Exception {
        Path manifest = Fixtures.zeroShot(dir, 30, 1);
        Manifest m = Manifest.read(manifest);
        try (CsvScoreSource s = CsvScoreSource.read(dir.resolve("scores.csv"), "image")) {
            ZeroShotEvaluation.run(m, SPEC, s, null, settings());
        }
        Path out = dir.resolve("out");
        JsonObject j = JsonParser.parseString(Files.readString(out.resolve("metrics.json"))).getAsJsonObject();
        assertEquals("zeroshot", j.get("task").getAsString());
        assertEquals(30, j.get("n").getAsInt());
        assertEquals(m.sha256(), j.getAsJsonObject("data").get("sha256").getAsString());
        assertEquals(Sha256.hex(dir.resolve("scores.csv")), j.getAsJsonObject("model").get("sha256").getAsString());
        double auc = j.getAsJsonObject("metrics").getAsJsonObject("per_class").getAsJsonObject("pneumonia")
                .get("roc_auc").getAsDouble();
        assertEquals(expectedAuc(m), auc, 1e-12);
        JsonObject ci = j.getAsJsonObject("metrics").getAsJsonObject("per_class").getAsJsonObject("pneumonia")
                .getAsJsonObject("roc_auc_delong_ci");
        assertTrue(ci.get("lower").getAsDouble() <= auc && auc <= ci.get("upper").getAsDouble());
        for (String f : List.of("report.md", "roc.png", "pr.png", "calibration.png", "items.jsonl")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("per_class.pneumonia.roc_auc"), md);
        assertTrue(md.contains(String.format(java.util.Locale.ROOT, "| pneumonia | 20 | %.3f (", auc)), md);
    }

    private static double expectedAuc(Manifest m) throws Exception {
        List<Csv.Record> scores = Csv.read(m.baseDir().resolve("scores.csv"));
        boolean[] y = new boolean[m.rows().size()];
        double[] s = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = m.rows().get(i).get("label").equals("pneumonia");
            s[i] = Double.parseDouble(scores.get(i + 1).fields().get(2));
        }
        return Classification.rocAuc(y, s);
    }

    @Test
    void refusesToOverwriteAFinishedReportUnlessForced() throws Exception {
        Manifest m = Manifest.read(Fixtures.zeroShot(dir, 12, 2));
        CsvScoreSource s = CsvScoreSource.read(dir.resolve("scores.csv"), "image");
        ZeroShotEvaluation.run(m, SPEC, s, null, settings());
        EvalException e = assertThrows(EvalException.class, () -> ZeroShotEvaluation.run(m, SPEC, s, null, settings()));
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        ZeroShotEvaluation.run(m, SPEC, s, null, settings().withForce(true));
    }

    @Test
    void resumesFromTheItemCache() throws Exception {
        Manifest m = Manifest.read(Fixtures.zeroShot(dir, 12, 3));
        CsvScoreSource real = CsvScoreSource.read(dir.resolve("scores.csv"), "image");
        ZeroShotEvaluation.run(m, SPEC, real, null, settings());
        Files.delete(dir.resolve("out/metrics.json")); // as if interrupted after the last item
        ScoreSource broken = new ScoreSource() {
            @Override
            public Map<String, Double> scores(Path image, List<ClassPrompts> classes) throws SourceException {
                throw new SourceException("model gone");
            }

            @Override
            public ModelInfo model() {
                return real.model();
            }
        };
        var report = ZeroShotEvaluation.run(m, SPEC, broken, null, settings());
        assertEquals(12, report.n(), "every item came from the cache");
        assertTrue(report.failures().isEmpty());
    }

    @Test
    void itemFailuresBecomeErrorRows() throws Exception {
        Manifest m = Manifest.read(Fixtures.zeroShot(dir, 12, 4));
        Fixtures.text(dir.resolve("partial.csv"), Files.readString(dir.resolve("scores.csv")).lines().limit(10)
                .reduce("", (a, b) -> a + b + "\n"));
        var report = ZeroShotEvaluation.run(m, SPEC, CsvScoreSource.read(dir.resolve("partial.csv"), "image"), null,
                settings());
        assertEquals(9, report.n());
        assertEquals(3, report.failures().size());
        assertTrue(report.failures().get(0).startsWith("line 11:"), report.failures().get(0));
    }

    @Test
    void badManifestsListOffendingRows() throws Exception {
        Path manifest = Fixtures.zeroShot(dir, 6, 5);
        Fixtures.text(manifest, Files.readString(manifest).replaceFirst("images/im1.png,pneumonia",
                "images/missing.png,pneumonia").replaceFirst("images/im2.png,pneumonia", "images/im2.png,covid"));
        Manifest m = Manifest.read(manifest);
        CsvScoreSource s = CsvScoreSource.read(dir.resolve("scores.csv"), "image");
        ManifestException e = assertThrows(ManifestException.class,
                () -> ZeroShotEvaluation.run(m, SPEC, s, null, settings()));
        assertTrue(e.getMessage().contains("line 4: label 'covid'"), e.getMessage());
        ZeroShotSpec never = new ZeroShotSpec("image", "label", List.of(CLASSES.get(0), CLASSES.get(1),
                new ClassPrompts("covid", List.of()), new ClassPrompts("tb", List.of())));
        e = assertThrows(ManifestException.class, () -> ZeroShotEvaluation.run(m, never, s, null, settings()));
        assertTrue(e.getMessage().contains("class 'tb' never occurs"), e.getMessage());
        ZeroShotSpec cols = new ZeroShotSpec("img", "label", CLASSES);
        e = assertThrows(ManifestException.class, () -> ZeroShotEvaluation.run(m, cols, s, null, settings()));
        assertTrue(e.getMessage().contains("unknown column 'img'"), e.getMessage());
        ZeroShotSpec three = new ZeroShotSpec("image", "label", List.of(CLASSES.get(0), CLASSES.get(1),
                new ClassPrompts("covid", List.of())));
        e = assertThrows(ManifestException.class, () -> ZeroShotEvaluation.run(m, three, s, null, settings()));
        assertTrue(e.getMessage().contains("line 3: image images/missing.png not found"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out/metrics.json")));
        assertThrows(IllegalArgumentException.class, () -> new ClassPrompts(" ", List.of()));
    }

    @Test
    void comparesTwoSourcesWithPairedDeLong() throws Exception {
        Manifest m = Manifest.read(Fixtures.zeroShot(dir, 40, 6));
        CsvScoreSource s = CsvScoreSource.read(dir.resolve("scores.csv"), "image");
        var report = ZeroShotEvaluation.run(m, SPEC, s, s, settings());
        @SuppressWarnings("unchecked")
        Map<String, Object> cmp = (Map<String, Object>) ((Map<String, Object>) report.metrics().get("comparison"))
                .get("pneumonia");
        assertEquals(1.0, (double) cmp.get("p_value"), 0, "identical models");
    }
}
