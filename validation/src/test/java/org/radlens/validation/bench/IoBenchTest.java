package org.radlens.validation.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link IoBench} on the generated volume only (no shared data needed), tiny repetitions; no speed assertions. */
class IoBenchTest {
    @TempDir
    Path tmp;

    @Test
    void missingPeerGivesANoteNotAFailure() throws IOException {
        List<String> notes = new ArrayList<>();
        List<IoCase> cases = IoInputs.prepare(tmp.resolve("no-data"), tmp.resolve("work"), 2, 2, notes);
        assertEquals(1, cases.size(), "only the generated volume without data");
        assertEquals(3, notes.size(), "one note per missing source: " + notes);
        List<IoBench.Row> rows = IoBench.run(cases, 0, java.time.Duration.ZERO, 1, tmp.resolve("no-python"), tmp);
        IoBench.Row r = rows.get(0);
        assertNull(r.peer());
        assertTrue(r.peerNote().startsWith("peer not installed"), r.peerNote());
        assertEquals(512L * 512 * 2 * 2 + 352, r.bytes(), "int16 voxels + NIfTI-1 header");
        assertTrue(IoBenchReport.table(rows, notes).contains("peer not installed"));
        Path json = tmp.resolve("out/io.json");
        IoBenchReport.writeJson(json, rows, Map.of("warmup", 0), notes);
        JsonObject row = JsonParser.parseString(Files.readString(json)).getAsJsonObject()
                .getAsJsonArray("rows").get(0).getAsJsonObject();
        assertTrue(row.get("ratio_ours_over_peer").isJsonNull());
        assertEquals(1, row.getAsJsonObject("radlens").get("repetitions").getAsInt(), "big volume: reps / 5, at least 1");
    }

    @Test
    void nibabelPeerRunsOnTheSameFileAndEveryFigureHasItsRatio() throws IOException {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(new PythonPeer(python).available("nibabel", "numpy"), "no /usr/bin/python3 with nibabel");
        List<IoCase> cases = IoInputs.prepare(tmp.resolve("no-data"), tmp.resolve("work"), 2, 3, new ArrayList<>());
        IoBench.Row r = IoBench.run(cases, 1, java.time.Duration.ZERO, 2, python, tmp).get(0);
        assertTrue(r.peer() != null, r.peerNote());
        assertEquals(2, r.peer().repetitions(), "one repetition in each of 2 rounds");
        assertEquals(2, r.java().repetitions());
        assertEquals(2, r.roundRatios().size());
        assertTrue(r.peer().runner().contains("nibabel"), r.peer().runner());
        Path json = tmp.resolve("io.json");
        IoBenchReport.writeJson(json, List.of(r), Map.of(), List.of());
        JsonObject ratio = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonArray("rows")
                .get(0).getAsJsonObject().getAsJsonObject("ratio_ours_over_peer");
        assertEquals(r.java().medianMs() / r.peer().medianMs(), ratio.get("median_ms").getAsDouble(), 1e-9);
        assertEquals(r.peer().medianMs() / r.java().medianMs(), ratio.get("files_per_s").getAsDouble(), 1e-9);
        assertTrue(IoBenchReport.table(List.of(r), List.of()).contains("| NIfTI .nii 512x512x3 int16 (generated) | 1 |"));
    }

    @Test
    @org.junit.jupiter.api.Tag("data")
    void sharedDataGivesEveryWorkloadAndPydicomReadsTheUncompressedCopies() throws IOException {
        String data = System.getProperty("radlens.data", System.getenv("RADLENS_DATA"));
        assumeTrue(data != null && Files.isDirectory(Path.of(data, "dicom/ct-series")), "no RADLENS_DATA: skipped");
        List<String> notes = new ArrayList<>();
        List<IoCase> cases = IoInputs.prepare(Path.of(data), tmp.resolve("work"), 1, 1, notes);
        assertEquals(6, cases.size(), notes.toString());
        assertTrue(notes.isEmpty(), notes.toString());
        IoCase ct = cases.get(1);
        assertEquals(20, ct.files().size());
        List<IoBench.Row> rows = IoBench.run(List.of(cases.get(0), ct), 0, java.time.Duration.ZERO, 1,
                Path.of("/usr/bin/python3"), tmp);
        for (IoBench.Row r : rows) {
            assertTrue(r.peer() != null || r.peerNote().startsWith("peer not installed"), r.peerNote());
        }
    }

    @Test
    void aCaseWithoutFilesIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new IoCase("x", IoCase.Format.NIFTI, List.of(), 1));
    }
}
