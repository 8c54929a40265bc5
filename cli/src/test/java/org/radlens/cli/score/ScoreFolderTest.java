package org.radlens.cli.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.cli.RadLens;
import org.radlens.pipeline.ScoreEngines;

/** {@code radlens score} over a folder with the bundled model and samples (plus a truncated DICOM). */
class ScoreFolderTest {
    @TempDir
    Path tmp;

    @Test
    void corruptDicomIsOneErrorRowTheRestAreScoredAndRerunSkipsAll() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Fixtures.SAMPLE, in.resolve("good.dcm"));
        Files.copy(Path.of("../samples/kermany-normal-IM-0001-0001.jpg"), in.resolve("normal.jpg"));
        byte[] dcm = Files.readAllBytes(Fixtures.SAMPLE);
        Files.write(in.resolve("bad.dcm"), java.util.Arrays.copyOf(dcm, 2000));
        Path out = tmp.resolve("out");
        String[] args = {"score", in.toString(), "--out", out.toString(), "--segment", "--write-dicom",
            "--overlay-sc", "pneumonia", "--workers", "2"};
        assertEquals(1, RadLens.commandLine().execute(args));
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(4, rows.size(), String.join("\n", rows));
        assertTrue(rows.get(0).startsWith("id,sop_instance_uid,pneumonia,"), rows.get(0));
        assertTrue(rows.get(1).startsWith("bad.dcm,,") && rows.get(1).contains("bad.dcm: "), rows.get(1));
        assertTrue(rows.get(2).startsWith("good.dcm,1.2.826.") && rows.get(2).endsWith(","), rows.get(2));
        assertTrue(rows.get(3).startsWith("normal.jpg,,0.") && rows.get(3).endsWith(",,,"), rows.get(3));
        List<String> modalities = new java.util.ArrayList<>();
        try (var files = Files.list(out.resolve("dicom"))) {
            for (Path f : files.toList()) {
                modalities.add(org.radlens.dicomio.DicomReader.readHeader(f).modality());
            }
        }
        java.util.Collections.sort(modalities);
        assertEquals(List.of("OT", "SEG", "SR"), modalities, "SR + SEG + heat-map SC of the one DICOM");
        assertTrue(rows.stream().noneMatch(r -> r.contains("ANONYMOUS")), "no patient names in the output");

        assertEquals(1, RadLens.commandLine().execute(args)); // all done: nothing scored again, same rows
        assertEquals(rows, Files.readAllLines(out.resolve("results.csv")));
        assertEquals(3, Files.readAllLines(out.resolve("journal.jsonl")).size());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, RadLens.commandLine().execute("score", "--out", tmp.toString()));
        assertEquals(2, RadLens.commandLine().execute("score", "x", "--dicomweb", "http://127.0.0.1:1/",
                "--out", tmp.toString()));
        // no spark module on cli's class path: a clear usage error, not a crash
        assertEquals(2, RadLens.commandLine().execute("score", "x", "--engine", "spark", "--out", tmp.toString()));
        assertEquals(2, RadLens.commandLine().execute("score", "x", "--overlay-sc", " ", "--out", tmp.toString()));
        assertEquals(java.util.List.of("inprocess"), ScoreEngines.names());
    }
}
