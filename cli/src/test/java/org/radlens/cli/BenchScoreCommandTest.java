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
    void workloadEncodingsAreChosenAndTheStagesSplitPerEncoding() throws Exception {
        Path wl = Files.createDirectories(tmp.resolve("workload"));
        StringBuilder files = new StringBuilder();
        for (String enc : List.of("plain", "other")) {
            Files.createDirectories(wl.resolve(enc));
            Files.copy(SAMPLE, wl.resolve(enc).resolve("f.dcm"));
            files.append(files.length() == 0 ? "" : ",").append("{\"path\": \"").append(enc).append("/f.dcm\", "
                    + "\"film\": \"f\", \"encoding\": \"").append(enc).append("\", \"transfer_syntax\": "
                    + "\"1.2.840.10008.1.2.1\", \"transfer_syntax_name\": \"Explicit VR Little Endian\", \"rows\": 1, "
                    + "\"columns\": 1, \"bits_stored\": 8, \"photometric\": \"MONOCHROME2\", \"bytes\": 1, "
                    + "\"decoded_sha256\": \"x\"}");
        }
        Files.writeString(wl.resolve("manifest.json"), "{\"files\": [" + files + "]}");
        Path json = tmp.resolve("split.json");
        assertEquals(0, run("bench", "score", "--images", "4", "--workers", "1", "--warmup", "0", "--model",
                PKG.toString(), "--workload", wl.toString(), "--out", json.toString()), err.toString());
        JsonObject folder = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonArray("rows")
                .get(0).getAsJsonObject();
        JsonArray by = folder.getAsJsonArray("by_label");
        assertEquals(2, by.size(), folder.toString());
        for (int i = 0; i < 2; i++) {
            JsonObject b = by.get(i).getAsJsonObject();
            assertEquals(List.of("plain", "other").get(i), b.get("label").getAsString());
            assertEquals(2, b.get("images").getAsInt(), b.toString());
            assertEquals(2, b.getAsJsonObject("per_image_ms").get("n").getAsInt(), b.toString());
        }
        assertTrue(out.toString().contains("| folder | 1 | other | 2 |"), out.toString());

        assertEquals(0, run("bench", "score", "--images", "2", "--workers", "1", "--warmup", "0", "--model",
                PKG.toString(), "--workload", wl.toString(), "--encodings", "other", "--out", json.toString()),
                err.toString());
        JsonObject root = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals("[\"other\"]", root.getAsJsonObject("settings").get("labels").toString());
        assertEquals(0, root.getAsJsonArray("rows").get(0).getAsJsonObject().getAsJsonArray("by_label").size(),
                "one encoding: no split");

        assertEquals(2, run("bench", "score", "--images", "2", "--model", PKG.toString(), "--workload",
                wl.toString(), "--encodings", "rle"));
        assertTrue(err.toString().contains("no 'rle' in the workload") && err.toString().contains("plain, other"),
                err.toString());
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
