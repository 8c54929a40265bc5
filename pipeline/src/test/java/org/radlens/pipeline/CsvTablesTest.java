package org.radlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTablesTest {
    @Test
    void cellsAreQuotedOnlyWhenNeededAndLineBreaksFoldToSpaces() {
        assertEquals("a.dcm", CsvTables.cell("a.dcm"));
        assertEquals("\"flagged, lateral\"", CsvTables.cell("flagged, lateral"));
        assertEquals("\"say \"\"hi\"\"\"", CsvTables.cell("say \"hi\""));
        assertEquals("\"line one line two\"", CsvTables.cell("line one\nline two"));
        assertEquals("file,\"a,b\",,x", CsvTables.line(List.of("file", "a,b", "", "x")));
        assertEquals("0.123457", CsvTables.probability(0.1234567));
        assertEquals("", CsvTables.probability(null));
    }

    @Test
    void replaceWritesAtomicallyIntoANewFolderAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out/sub/scores.csv");
        CsvTables.replace(target, "a\n");
        CsvTables.replace(target, "b\n");
        assertEquals("b\n", Files.readString(target));
        try (var s = Files.list(target.getParent())) {
            assertEquals(List.of(target), s.toList());
        }
        assertTrue(Files.isRegularFile(target));
    }
}
