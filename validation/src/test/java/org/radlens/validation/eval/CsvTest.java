package org.radlens.validation.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static List<Csv.Record> parse(String s) throws Exception {
        return Csv.parse(new StringReader(s), "test.csv");
    }

    @Test
    void quotedFieldsWithCommasQuotesAndNewlines() throws Exception {
        List<Csv.Record> r = parse("\uFEFFa,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"line1\nline2\",\r\n3,,\"\"\n");
        assertEquals(List.of("a", "b", "c"), r.get(0).fields());
        assertEquals(List.of("1", "x, y", "say \"hi\""), r.get(1).fields());
        assertEquals(List.of("2", "line1\nline2", ""), r.get(2).fields());
        assertEquals(List.of("3", "", ""), r.get(3).fields());
        assertEquals(3, r.get(2).line());
        assertEquals(5, r.get(3).line(), "a quoted newline advances the line count");
    }

    @Test
    void blankLinesAndMissingFinalNewline() throws Exception {
        List<Csv.Record> r = parse("a\n\n1\n2");
        assertEquals(3, r.size());
        assertEquals(4, r.get(2).line());
    }

    @Test
    void malformedInputNamesTheLine() {
        ManifestException e = assertThrows(ManifestException.class, () -> parse("a,b\n1,\"open\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        e = assertThrows(ManifestException.class, () -> parse("a,b\n\"x\"y,2\n"));
        assertTrue(e.getMessage().contains("after a closing quote"), e.getMessage());
        assertThrows(ManifestException.class, () -> parse("a,b\nx\"y,2\n"));
    }

    @Test
    void writeThenReadRoundTripsRandomFields() throws Exception {
        Random rnd = new Random(0);
        String alphabet = "ab ,\"\n\r\u00e9";
        for (int rep = 0; rep < 200; rep++) {
            List<String> fields = new java.util.ArrayList<>();
            int n = 1 + rnd.nextInt(5);
            for (int i = 0; i < n; i++) {
                StringBuilder sb = new StringBuilder();
                int len = rnd.nextInt(6);
                for (int k = 0; k < len; k++) {
                    sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
                fields.add(sb.toString());
            }
            if (n == 1 && fields.get(0).isEmpty()) {
                continue; // an empty single-field record is a blank line, skipped by design
            }
            StringWriter w = new StringWriter();
            Csv.writeRecord(w, fields);
            List<Csv.Record> back = parse(w.toString());
            assertEquals(1, back.size(), () -> "for " + fields);
            assertEquals(fields, back.get(0).fields());
        }
    }

    @Test
    void exceptionListsAllProblemsButShowsTwenty() throws IOException {
        List<String> p = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            p.add("line " + i + ": bad");
        }
        ManifestException e = new ManifestException("oops", p);
        assertEquals(25, e.problems().size());
        assertTrue(e.getMessage().contains("and 5 more"), e.getMessage());
    }
}
