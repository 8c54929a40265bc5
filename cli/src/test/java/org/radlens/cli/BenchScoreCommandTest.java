package org.radlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.bench.LocalOrthanc;

/** {@code radlens bench score} with 6 images (counts and JSON fields only; figures are never asserted). */
class BenchScoreCommandTest extends CliTest {
    private static final Path PKG = TINY;
    private static final Path SAMPLE = Path.of("../samples/covid-notes-329_637.dcm").toAbsolutePath().normalize();

    @TempDir
    Path tmp;


    @Test
    void folderAndDicomWebRowsAtOneAndTwoWorkersWithTheStageSplit() throws Exception {
        Path json = tmp.resolve("score.json");
        int code = run("bench", "score", "--images", "6", "--workers", "1,2", "--warmup", "1", "--model",
                PKG.toString(), "--sample", SAMPLE.toString(), "--out", json.toString());
        assertEquals(0, code, err.toString() + out);
        JsonObject root = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals("score", root.get("bench").getAsString());
        assertEquals(6, root.getAsJsonObject("settings").get("images").getAsInt());
        JsonArray rows = root.getAsJsonArray("rows");
        assertEquals(4, rows.size(), "folder and DICOMweb x workers 1, 2");
        for (int i = 0; i < 2; i++) {
            JsonObject r = rows.get(i).getAsJsonObject();
            assertEquals("folder", r.get("mode").getAsString());
            assertEquals(i + 1, r.get("workers").getAsInt());
            assertScored(r, List.of("decode", "preprocess", "inference", "write"));
            assertEquals(60_000, r.get("target_images_per_hour").getAsInt());
        }
        for (int i = 2; i < 4; i++) {
            JsonObject r = rows.get(i).getAsJsonObject();
            assertEquals("DICOMweb", r.get("mode").getAsString());
            assertEquals(30_000, r.get("target_images_per_hour").getAsInt());
            if (LocalOrthanc.missing() == null) {
                assertScored(r, List.of("transfer", "decode", "preprocess", "inference", "write"));
            } else {
                assertTrue(r.get("note").getAsString().startsWith("Orthanc not installed"), r.toString());
                assertTrue(out.toString().contains("Orthanc not installed"), out.toString());
            }
        }
        assertTrue(out.toString().contains("| folder | 2 | 6 / 0 |"), out.toString());
        assertTrue(out.toString().contains("60,000"), out.toString());
        assertTrue(root.getAsJsonArray("notes").toString().contains("load average"), root.toString());
    }

    private static void assertScored(JsonObject r, List<String> stages) {
        assertEquals(6, r.get("scored").getAsInt(), r.toString());
        assertEquals(0, r.get("failed").getAsInt(), r.toString());
        assertTrue(r.get("images_per_hour").getAsDouble() > 0, r.toString());
        assertTrue(r.get("note").isJsonNull(), r.toString());
        assertEquals(6, r.getAsJsonObject("per_image_ms").get("n").getAsInt(), r.toString());
        JsonObject st = r.getAsJsonObject("stages_ms");
        assertEquals(stages, List.copyOf(st.keySet()), r.toString());
        double share = 0;
        for (String s : stages) {
            assertTrue(st.getAsJsonObject(s).get("p95_ms").getAsDouble() >= st.getAsJsonObject(s).get("median_ms")
                    .getAsDouble(), r.toString());
            share += st.getAsJsonObject(s).get("share").getAsDouble();
        }
        assertEquals(1.0, share, 1e-9, "stage shares add up to the per-image total");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertEquals(2, run("bench", "score", "--images", "0", "--model", PKG.toString(), "--sample",
                SAMPLE.toString()));
        assertTrue(err.toString().contains("images >= 1"), err.toString());
        assertEquals(2, run("bench", "score", "--workers", "1,0", "--model", PKG.toString()));
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void aMissingSampleIsAClearFailure() {
        assertEquals(1, run("bench", "score", "--images", "1", "--model", PKG.toString(), "--sample",
                tmp.resolve("none.dcm").toString()));
        assertTrue(err.toString().contains("cannot make the benchmark images from"), err.toString());
    }
}
