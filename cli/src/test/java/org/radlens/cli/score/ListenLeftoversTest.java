package org.radlens.cli.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.cli.RadLens;

/** An object a killed {@code radlens listen} had acknowledged but not scored is scored at the next start. */
class ListenLeftoversTest {
    @TempDir
    Path tmp;

    @Test
    void leftoverIncomingFileIsScoredOnceAtStart() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out.resolve("incoming"));
        Files.copy(Fixtures.SAMPLE, out.resolve("incoming/left.dcm"));
        int port = Orthanc.freePort();
        assertEquals(0, RadLens.commandLine().execute("listen", "--port", String.valueOf(port), "--out",
                out.toString(), "--stop-after", "1"));
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(2, rows.size(), String.join("\n", rows));
        assertTrue(rows.get(1).startsWith("1.2.826.") && rows.get(1).endsWith(","), rows.get(1));
        try (var s = Files.list(out.resolve("incoming"))) {
            assertEquals(0, s.count());
        }
        try (var s = Files.list(out.resolve("dicom"))) {
            assertEquals(1, s.count()); // the SR (no --segment)
        }
    }
}
