package org.radlens.validation.eval;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated fields, optional double quotes, {@code ""} for a quote inside a quoted field,
 * CR LF or LF line ends, line breaks and commas allowed inside quoted fields; a UTF-8 byte-order mark is skipped.
 * Blank lines are ignored. Each record remembers the physical line it starts on (1-based; the header is line 1).
 *
 * <pre>{@code
 * List<Csv.Record> records = Csv.read(Path.of("manifest.csv"));   // records.get(0) is the header
 * }</pre>
 */
public final class Csv {
    private Csv() {
    }

    /** One record: its fields and the line it starts on. */
    public record Record(int line, List<String> fields) {
        public Record {
            fields = List.copyOf(fields);
        }
    }

    /** Reads a UTF-8 file. */
    public static List<Record> read(Path file) throws IOException, ManifestException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        }
    }

    /** Parses CSV text; {@code name} is used in error messages. */
    public static List<Record> parse(Reader in, String name) throws IOException, ManifestException {
        Parser p = new Parser(name);
        int c = in.read();
        if (c == 0xFEFF) {
            c = in.read();
        }
        for (; c != -1; c = in.read()) {
            p.accept((char) c);
        }
        return p.finish();
    }

    /** The RFC 4180 state machine, one character at a time. */
    private static final class Parser {
        private final String name;
        private final List<Record> out = new ArrayList<>();
        private List<String> fields = new ArrayList<>();
        private final StringBuilder field = new StringBuilder();
        private boolean quoted;
        private boolean afterQuote;
        private boolean any;
        private int line = 1;
        private int start = 1;

        Parser(String name) {
            this.name = name;
        }

        void accept(char ch) throws ManifestException {
            if (quoted) {
                if (ch == '"') {
                    quoted = false;
                    afterQuote = true;
                } else {
                    line += ch == '\n' ? 1 : 0;
                    field.append(ch);
                }
            } else if (ch == '"') {
                openQuote();
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                endRecord();
                line += ch == '\n' ? 1 : 0;
                start = line;
            } else {
                if (afterQuote) {
                    throw error(line, "text after a closing quote");
                }
                field.append(ch);
                any = true;
            }
        }

        private void openQuote() throws ManifestException {
            if (afterQuote) {
                field.append('"');
                quoted = true;
                afterQuote = false;
            } else if (field.length() == 0) {
                quoted = true;
                any = true;
            } else {
                throw error(line, "quote inside an unquoted field after '" + field + "'");
            }
        }

        private void endRecord() {
            if (any || field.length() > 0) {
                fields.add(field.toString());
                out.add(new Record(start, fields));
            }
            fields = new ArrayList<>();
            field.setLength(0);
            afterQuote = false;
            any = false;
        }

        List<Record> finish() throws ManifestException {
            if (quoted) {
                throw error(start, "quoted field not closed before end of file");
            }
            endRecord();
            return out;
        }

        private ManifestException error(int at, String what) {
            return new ManifestException(name + ": malformed CSV", List.of("line " + at + ": " + what));
        }
    }

    /** Writes one record with RFC 4180 quoting (quotes only where needed) and CR LF. */
    public static void writeRecord(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                w.write('"');
                w.write(f.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(f);
            }
        }
        w.write("\r\n");
    }
}
