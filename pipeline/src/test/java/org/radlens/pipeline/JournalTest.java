package org.radlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path tmp;

    static ResultRow row(String id, double p) {
        return new ResultRow(id, "1.2.3." + id.length(), Map.of("pneumonia", p), 12.5, "", "", "");
    }

    @Test
    void recordsSurviveReopenAndDuplicatesAreIgnored() throws IOException {
        Path f = tmp.resolve("j.jsonl");
        try (Journal j = Journal.open(f)) {
            j.record(row("a", 0.25));
            j.record(row("b", 0.5));
            j.record(row("a", 0.75));
        }
        try (Journal j = Journal.open(f)) {
            assertTrue(j.isDone("a") && j.isDone("b"));
            assertFalse(j.isDone("c"));
            assertEquals(2, j.rows().size());
            assertEquals(0.25, j.rows().get(0).findings().get("pneumonia"));
        }
        assertEquals(2, Files.readAllLines(f).size());
    }

    @Test
    void recordAllAppendsOnlyNewIdsOnceEach() throws IOException {
        Path f = tmp.resolve("j.jsonl");
        try (Journal j = Journal.open(f)) {
            j.record(row("a", 0.25));
            assertEquals(2, j.recordAll(java.util.List.of(row("a", 0.9), row("b", 0.5), row("b", 0.75), row("c", 1))));
            assertEquals(0, j.recordAll(java.util.List.of(row("c", 0.1))));
        }
        assertEquals(3, Files.readAllLines(f).size());
        try (Journal j = Journal.open(f)) {
            assertEquals(java.util.List.of(row("a", 0.25), row("b", 0.5), row("c", 1)), j.rows());
        }
    }

    @Test
    void tornLastLineIsDroppedAndOverwritten() throws IOException {
        Path f = tmp.resolve("j.jsonl");
        try (Journal j = Journal.open(f)) {
            j.record(row("a", 0.25));
        }
        Files.writeString(f, "{\"id\":\"b\",\"sop_inst", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (Journal j = Journal.open(f)) {
            assertFalse(j.isDone("b"));
            j.record(row("b", 0.5));
        }
        try (Journal j = Journal.open(f)) {
            assertEquals(2, j.rows().size());
        }
    }

    @Test
    void corruptCompleteLineIsAnErrorNamingTheFile() throws IOException {
        Path f = tmp.resolve("j.jsonl");
        Files.writeString(f, "not json\n");
        IOException e = assertThrows(IOException.class, () -> Journal.open(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void rowsRoundTripThroughJson() {
        ResultRow r = new ResultRow("x/y.dcm", "1.2", Map.of("normal", 0.125), Double.NaN, "2.25.1", "", "");
        assertEquals(r, ResultRow.fromJson(r.toJson()));
        ResultRow bad = ResultRow.failure("z", "z: truncated");
        assertEquals(bad, ResultRow.fromJson(bad.toJson()));
    }
}
