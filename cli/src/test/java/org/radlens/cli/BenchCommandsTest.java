package org.radlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code radlens bench io|infer} with tiny repetitions (figures are never asserted, only their presence). */
class BenchCommandsTest extends CliTest {
    private static final Path PKG = TINY;
    private static final String IMAGE = Path.of("../samples/kermany-normal-IM-0001-0001.jpg").toAbsolutePath()
            .normalize().toString();

    @TempDir
    Path tmp;


    private JsonArray rows(Path json) throws IOException {
        return JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonArray("rows");
    }

    @Test
    void ioWithoutDataOrPeerTimesTheGeneratedVolumeAndSaysPeerNotInstalled() throws IOException {
        Path json = tmp.resolve("io.json");
        int code = run("bench", "io", "--data", tmp.resolve("none").toString(), "--slices", "2", "--reps", "2",
                "--warmup", "0", "--python", tmp.resolve("no-python").toString(), "--out", json.toString(),
                "--workload", tmp.resolve("no-workload").toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("NIfTI .nii 512x512x2 int16 (generated)"), out.toString());
        assertTrue(out.toString().contains("realistic workload not found in " + tmp.resolve("no-workload")
                + ": make it with validation/bench/make-workload"), out.toString());
        assertTrue(out.toString().contains("peer not installed"), out.toString());
        JsonObject row = rows(json).get(0).getAsJsonObject();
        assertTrue(row.get("peer_note").getAsString().startsWith("peer not installed"));
        assertTrue(row.getAsJsonObject("radlens").get("mb_per_s").getAsDouble() > 0);
    }

    @Test
    void ioReadsTheRealisticWorkloadFirstOneRowPerEncodingAndQuickLeavesItOut() throws IOException {
        Path wl = tmp.resolve("wl");
        Files.createDirectories(wl.resolve("uncompressed"));
        Files.copy(Path.of("../samples/covid-notes-329_637.dcm"), wl.resolve("uncompressed/a.dcm"));
        Files.writeString(wl.resolve("manifest.json"), "{\"version\": 1, \"files\": [{\"path\": "
                + "\"uncompressed/a.dcm\", \"film\": \"a\", \"encoding\": \"uncompressed\", \"transfer_syntax\": "
                + "\"1.2.840.10008.1.2.1\", \"transfer_syntax_name\": \"Explicit VR Little Endian\", \"rows\": 512, "
                + "\"columns\": 512, \"bits_stored\": 8, \"photometric\": \"MONOCHROME2\", \"bytes\": 1, "
                + "\"decoded_sha256\": \"x\"}]}");
        String[] common = {"bench", "io", "--data", tmp.resolve("none").toString(), "--slices", "1", "--reps", "1",
            "--warmup", "0", "--java-warmup-s", "0", "--rounds", "1", "--python", tmp.resolve("no-python").toString(),
            "--workload", wl.toString()};
        assertEquals(0, run(common), err.toString());
        int workloadRow = out.toString().indexOf("| workload 512x512 8-bit (x1), Explicit VR Little Endian |");
        assertTrue(workloadRow > 0 && workloadRow < out.toString().indexOf("| NIfTI .nii 512x512x1"), out.toString());
        out.getBuffer().setLength(0);
        String[] quick = java.util.Arrays.copyOf(common, common.length + 1);
        quick[common.length] = "--quick";
        assertEquals(0, run(quick), err.toString());
        assertFalse(out.toString().contains("| workload 512x512"), out.toString());
        assertFalse(out.toString().contains("realistic workload not found"), out.toString());
    }

    @Test
    void inferWithoutPeerMeasuresAllTasksAtOneAndTwoThreads() throws IOException {
        Path json = tmp.resolve("infer.json");
        int code = run("bench", "infer", "--model", PKG.toString(), "--reps", "2", "--warmup", "1", "--cold-runs",
                "0", "--python", tmp.resolve("no-python").toString(), "--out", json.toString(), IMAGE);
        assertEquals(0, code, err.toString());
        JsonArray rows = rows(json);
        assertEquals(6, rows.size(), "3 tasks x threads 1, 2");
        assertEquals("segment threads=2", rows.get(5).getAsJsonObject().get("workload").getAsString());
        assertEquals(4, rows.get(5).getAsJsonObject().getAsJsonObject("radlens").get("repetitions").getAsInt(),
                "2 per thread");
        assertTrue(rows.get(0).getAsJsonObject().get("ratio_ours_over_peer").isJsonNull());
        assertTrue(out.toString().contains("peer not installed"), out.toString());
    }

    @Test
    void inferRunsTheTorchPeerAndTimesBothColdStarts() throws Exception {
        Process probe = new ProcessBuilder("/usr/bin/python3", "-c", "import torch, numpy, PIL").start();
        assumeTrue(probe.waitFor(120, TimeUnit.SECONDS) && probe.exitValue() == 0, "no Debian torch");
        Path json = tmp.resolve("infer.json");
        int code = run("bench", "infer", "--model", PKG.toString(), "--threads", "1", "--reps", "2", "--warmup", "1",
                "--cold-runs", "1", "--training", "../models/training", "--out", json.toString(), IMAGE);
        assertEquals(0, code, err.toString() + out);
        JsonArray rows = rows(json);
        assertEquals(4, rows.size(), "3 tasks at 1 thread + cold start");
        for (int i = 0; i < 4; i++) {
            JsonObject r = rows.get(i).getAsJsonObject();
            assertFalse(r.get("peer").isJsonNull(), r.toString());
            assertTrue(r.getAsJsonObject("ratio_ours_over_peer").get("median_ms").getAsDouble() > 0, r.toString());
        }
        assertEquals("cold start classify 1 image", rows.get(3).getAsJsonObject().get("workload").getAsString());
    }

    @Test
    void badOptionValuesAreUsageErrorsWithoutStackTrace() {
        assertEquals(2, run("bench", "io", "--reps", "0", "--data", tmp.toString(), "--workload", tmp.toString()));
        assertTrue(err.toString().startsWith("error: repetitions and slices must be >= 1"), err.toString());
        assertEquals(2, run("bench", "infer", "--model", PKG.toString(), "--threads", "0", IMAGE));
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void unknownBenchmarkIsAUsageError() {
        assertEquals(2, run("bench"));
        assertTrue(err.toString().contains("metrics, io, infer"), err.toString());
    }
}
