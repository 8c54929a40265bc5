package org.radlens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.pipeline.Journal;
import org.radlens.pipeline.ResultRow;

class PartitionJournalsTest {
    @TempDir
    Path tmp;

    private static ResultRow row(String id, double p) {
        return new ResultRow(id, "", Map.of("pneumonia", p), Double.NaN, "", "", "");
    }

    @Test
    void firstCommittedAttemptWinsAndMergeKeepsEachIdOnce() throws Exception {
        Path dir = tmp.resolve("spark-journal");
        assertTrue(PartitionJournals.commit(dir, "run-a", 0, 1, List.of(row("a", 0.1), row("b", 0.2))));
        // a speculative copy of partition 0 finishing later is discarded, even with other values
        assertFalse(PartitionJournals.commit(dir, "run-a", 0, 2, List.of(row("a", 0.9), row("b", 0.9))));
        assertTrue(PartitionJournals.commit(dir, "run-a", 1, 0, List.of(row("c", 0.3))));
        // a killed earlier run committed "c" too: the journal keeps one row of it
        assertTrue(PartitionJournals.commit(dir, "run-0", 0, 0, List.of(row("c", 0.3))));
        assertEquals(4, PartitionJournals.committed(dir).size());
        try (Journal j = Journal.open(tmp.resolve("journal.jsonl"))) {
            j.record(row("b", 0.2)); // already in the journal before the merge
            assertEquals(2, PartitionJournals.mergeInto(dir, j));
            assertEquals(List.of("b", "c", "a"), j.rows().stream().map(ResultRow::id).toList());
            assertEquals(0.1, j.rows().stream().filter(r -> r.id().equals("a")).findFirst().orElseThrow()
                    .findings().get("pneumonia"));
        }
        assertFalse(Files.exists(dir));
        assertEquals(3, Files.readAllLines(tmp.resolve("journal.jsonl")).size());
    }
}
