package org.radlens.validation.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTest {
    @TempDir
    Path dir;

    @Test
    void summaryUsesMedianAndInterpolatedP95() {
        Timing t = Timer.summarize("w", "r", new double[] {5, 1, 4, 2, 3});
        assertEquals(3.0, t.medianMs());
        assertEquals(4.8, t.p95Ms(), 1e-12);
        assertEquals(1.0, t.minMs());
        assertEquals(5, t.repetitions());
        assertThrows(IllegalArgumentException.class, () -> Timer.measure("w", 0, 0, () -> 1));
    }

    @Test
    void warmUpRunsTheRepetitionsAndThenUntilTheMinimumTimeHasPassed() {
        int[] calls = {0};
        long t0 = System.nanoTime();
        Timing t = Timer.measure("w", 2, java.time.Duration.ofMillis(200), 3, () -> {
            calls[0]++;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return 1;
        });
        assertEquals(3, t.repetitions());
        assertTrue(calls[0] >= 2 + 3, "" + calls[0]);
        assertTrue(System.nanoTime() - t0 >= 260_000_000L, "at least 200 ms warm-up + 3 timed 20 ms calls");
        int[] quick = {0};
        Timer.measure("w", 2, java.time.Duration.ZERO, 3, () -> ++quick[0]);
        assertEquals(5, quick[0]);
        assertThrows(IllegalArgumentException.class, () -> Timer.measure("w", 0, java.time.Duration.ofMillis(-1), 1,
                () -> 1));
    }

    @Test
    void roundsCombineIntoTheMedianOfMediansAndTheWorstP95() {
        Timing t = Timer.combine(java.util.List.of(new Timing("w", "r", 2, 10, 12, 9, 10),
                new Timing("w", "r", 2, 30, 40, 20, 30), new Timing("w", "r", 4, 11, 13, 8, 12)));
        assertEquals(8, t.repetitions());
        assertEquals(11, t.medianMs(), 1e-9);
        assertEquals(40, t.p95Ms(), 1e-9);
        assertEquals(8, t.minMs(), 1e-9);
        assertEquals((20 + 60 + 48) / 8.0, t.meanMs(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Timer.combine(java.util.List.of()));
    }

    @Test
    void peerOutputIsParsedFromItsLastLine() throws IOException {
        Map<String, Timing> m = PythonPeer.parse(
                "warning: noise\n{\"runner\": \"py\", \"timings\": {\"a\": [2, 4]}}\n").timings();
        assertEquals(3.0, m.get("a").medianMs());
        assertEquals("py", m.get("a").runner());
        assertThrows(IOException.class, () -> PythonPeer.parse("Traceback ..."));
    }

    @Test
    void metricsBenchRunsBothSidesAndWritesJsonAndTable() throws IOException {
        List<String> notes = new ArrayList<>();
        Path python = Path.of("/usr/bin/python3");
        List<MetricsBench.Row> rows = MetricsBench.run(1, 3, 2000, 64, python, notes);
        assertEquals(3, rows.size());
        if (new PythonPeer(python).available("numpy", "scipy", "sklearn")) {
            rows.forEach(r -> assertNotNull(r.peer(), r.java().workload()));
            assertTrue(rows.get(0).ratio() > 0);
        } else {
            assertTrue(notes.get(0).startsWith("no peer"), notes.toString());
        }
        String table = BenchReports.write(dir, "metrics", rows, notes);
        assertTrue(table.contains("| roc_auc n=2000 |"), table);
        assertTrue(Files.readString(dir.resolve("bench.json")).contains("\"ratio_java_over_peer\""));
    }

    @Test
    void missingPeerIsANoteNotAFailure() throws IOException {
        List<String> notes = new ArrayList<>();
        List<MetricsBench.Row> rows = MetricsBench.run(0, 1, 100, 16, dir.resolve("no-python"), notes);
        assertEquals(-1, rows.get(0).ratio());
        assertEquals(1, notes.size());
    }
}
