package org.radlens.cli.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two inputs with one SOP Instance UID (the same DX sample under two names) with 1, 2 and 4 workers: one is scored,
 * the other is a {@code duplicate} row naming it, one SR and one SEG are written, no temporary file is left, and a
 * rerun changes nothing.
 */
class DuplicateUidTest {
    @TempDir
    Path tmp;

    @Test
    void sameSopInstanceUidIsScoredOnceAndTheOtherReportedForAnyWorkerCount() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Fixtures.SAMPLE, in.resolve("a.dcm"));
        Files.copy(Fixtures.SAMPLE, in.resolve("b.dcm"));
        Files.copy(Path.of("../samples/kermany-normal-IM-0001-0001.jpg"), in.resolve("c.jpg"));
        for (int workers : new int[] {1, 2, 4}) {
            Path out = tmp.resolve("out-" + workers);
            String[] args = {"score", in.toString(), "--out", out.toString(), "--write-dicom", "--segment",
                "--workers", String.valueOf(workers)};
            String err = InputGateScoringTest.run(0, args);
            assertTrue(err.contains("2 scored, 0 failed, 0 already done; 0 flagged, 0 refused, 1 duplicate, 0 transient"), err);
            Map<String, Map<String, String>> r = InputGateScoringTest.results(out);
            String scored = r.get("a.dcm").get("status").equals("scored") ? "a.dcm" : "b.dcm";
            String dup = scored.equals("a.dcm") ? "b.dcm" : "a.dcm";
            assertEquals("duplicate", r.get(dup).get("status"), r.toString());
            assertEquals("same SOP Instance UID as " + scored + " (scored there; not scored again)",
                    r.get(dup).get("note"));
            assertEquals(r.get(scored).get("sop_instance_uid"), r.get(dup).get("sop_instance_uid"));
            assertEquals("", r.get(dup).get("sr_uid"));
            assertEquals("scored", r.get("c.jpg").get("status"));
            if (workers == 1) {
                assertEquals("a.dcm", scored, "one worker: the first in id order owns the UID");
            }
            List<String> files;
            try (var s = Files.walk(out)) {
                files = s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).toList();
            }
            assertEquals(2, files.stream().filter(f -> f.startsWith("dicom/")).count(), "one SR + one SEG: " + files);
            assertTrue(files.stream().noneMatch(f -> f.endsWith(".tmp")), files.toString());
            List<String> before = Files.readAllLines(out.resolve("results.csv"));
            String again = InputGateScoringTest.run(0, args);
            assertTrue(again.contains("3 already done"), again);
            assertEquals(before, Files.readAllLines(out.resolve("results.csv")));
            assertEquals(3, Set.copyOf(Files.readAllLines(out.resolve("journal.jsonl"))).size());
        }
    }
}
