package org.radlens.dicomio.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a multipart/related body (RFC 2046 §5.1, RFC 2387) as it arrives, part by part, and copies each part's body
 * to a stream without holding the whole answer in memory: a WADO-RS film goes from the socket to its file through one
 * 256 KiB buffer. Delimiters ({@code CRLF--boundary}) are found with a Boyer-Moore-Horspool search, which skips about
 * the delimiter's length per step over pixel data. A malformed body (no opening delimiter, part headers without their
 * blank line, a body that ends before the closing delimiter) is a {@link DicomWebException} naming {@code item};
 * a read failure of {@code in} stays an {@link IOException} (the caller may retry it).
 *
 * <pre>{@code
 * MultipartReader parts = new MultipartReader(in, "b0", "WADO-RS studies/1.2/…", 200);
 * for (Map<String, String> headers; (headers = parts.next()) != null; ) { parts.copyBody(out); }
 * }</pre>
 */
final class MultipartReader {
    static final int BUFFER = 256 * 1024;
    static final int MAX_HEADERS = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter; // CRLF "--" boundary
    private final int[] skip = new int[256];
    private final String item;
    private final int status;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int lim;
    private int parts;
    private boolean inBody;
    private boolean closed;

    /** {@code item} names the request in errors (e.g. {@code WADO-RS <path>}), {@code status} is its HTTP status. */
    MultipartReader(InputStream in, String boundary, String item, int status) {
        if (boundary.isEmpty() || boundary.length() > 70) {
            throw new IllegalArgumentException("a multipart boundary has 1 to 70 characters: '" + boundary + "'");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.item = item;
        this.status = status;
        java.util.Arrays.fill(skip, delimiter.length);
        for (int i = 0; i < delimiter.length - 1; i++) {
            skip[delimiter[i] & 0xFF] = delimiter.length - 1 - i;
        }
    }

    /** How many parts {@link #next()} has returned. */
    int parts() {
        return parts;
    }

    /**
     * The headers of the next part (names lower-cased), with the stream at its body; null after the closing
     * delimiter. The body of the previous part, when not copied, is skipped.
     */
    Map<String, String> next() throws IOException {
        if (closed) {
            return null;
        }
        if (parts == 0) {
            openingDelimiter();
        } else if (inBody) {
            copyBody(OutputStream.nullOutputStream());
        }
        if (!fill(2)) {
            throw malformed("the body ends right after a delimiter of part " + (parts + 1));
        }
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            closed = true;
            return null;
        }
        Map<String, String> headers = headers();
        parts++;
        inBody = true;
        return headers;
    }

    /** Copies the current part's body to {@code out} up to the next delimiter; the number of bytes copied. */
    long copyBody(OutputStream out) throws IOException {
        if (!inBody) {
            throw new IllegalStateException("no part is open: call next() first");
        }
        long copied = 0;
        while (true) {
            int at = find(pos, lim);
            if (at >= 0) {
                out.write(buf, pos, at - pos);
                copied += at - pos;
                pos = at + delimiter.length;
                inBody = false;
                return copied;
            }
            int keep = Math.min(lim - pos, delimiter.length - 1); // may be the start of a delimiter
            out.write(buf, pos, lim - pos - keep);
            copied += lim - pos - keep;
            pos = lim - keep;
            if (!read()) {
                throw malformed("truncated: the body ends inside part " + parts + " (no closing delimiter)");
            }
        }
    }

    /** Skips the preamble up to the first {@code --boundary} (at the very start or after a CRLF). */
    private void openingDelimiter() throws IOException {
        fill(delimiter.length - 2);
        if (lim - pos >= delimiter.length - 2 && startsWith(pos, 2)) {
            pos += delimiter.length - 2;
            return;
        }
        while (true) {
            int at = find(pos, lim);
            if (at >= 0) {
                pos = at + delimiter.length;
                return;
            }
            pos = Math.max(pos, lim - delimiter.length + 1);
            if (!read()) {
                throw malformed("no multipart delimiter '--" + boundary() + "' in the body");
            }
        }
    }

    /** The rest of the delimiter line (transport padding, CRLF), then header lines up to the blank line. */
    private Map<String, String> headers() throws IOException {
        int budget = MAX_HEADERS;
        String rest = line(budget);
        budget -= rest.length() + 2;
        if (!rest.isBlank()) {
            throw malformed("part " + (parts + 1) + ": unexpected '" + abbreviate(rest) + "' after the delimiter");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(budget); !line.isEmpty(); line = line(budget)) {
            budget -= line.length() + 2;
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed("part " + (parts + 1) + ": malformed header line '" + abbreviate(line) + "'");
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return headers;
    }

    /** One CRLF-terminated line from {@code pos} (CRLF consumed, not returned), at most {@code budget} bytes. */
    private String line(int budget) throws IOException {
        int scanned = pos;
        while (true) {
            for (int i = scanned; i + 1 < lim && i - pos < budget; i++) {
                if (buf[i] == '\r' && buf[i + 1] == '\n') {
                    String s = new String(buf, pos, i - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 2;
                    return s;
                }
            }
            int shift = pos;
            scanned = Math.max(pos, lim - 1);
            if (lim - pos >= budget || !read()) {
                throw malformed("part " + (parts + 1) + ": its headers do not end with a blank line within "
                        + MAX_HEADERS + " bytes");
            }
            scanned -= shift; // read() moved buf[pos, lim) to the front
        }
    }

    /** Boyer-Moore-Horspool: the first delimiter in {@code buf[from, to)}, or -1. */
    private int find(int from, int to) {
        int n = delimiter.length;
        int last = n - 1;
        for (int i = from; i <= to - n; i += skip[buf[i + last] & 0xFF]) {
            int j = last;
            while (j >= 0 && buf[i + j] == delimiter[j]) {
                j--;
            }
            if (j < 0) {
                return i;
            }
        }
        return -1;
    }

    private boolean startsWith(int at, int delimiterOffset) {
        for (int j = delimiterOffset; j < delimiter.length; j++) {
            if (buf[at + j - delimiterOffset] != delimiter[j]) {
                return false;
            }
        }
        return true;
    }

    /** Reads until at least {@code n} bytes are buffered after {@code pos}; false at the end of the stream first. */
    private boolean fill(int n) throws IOException {
        while (lim - pos < n) {
            if (!read()) {
                return false;
            }
        }
        return true;
    }

    /** Moves {@code buf[pos, lim)} to the front and reads more after it; false at the end of the stream. */
    private boolean read() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) {
            return false; // cannot happen for bodies (a delimiter is shorter than the buffer); headers are bounded
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            return false;
        }
        lim += n;
        return true;
    }

    private String boundary() {
        return new String(delimiter, 4, delimiter.length - 4, StandardCharsets.ISO_8859_1);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private DicomWebException malformed(String what) {
        return new DicomWebException(item + ": malformed multipart answer: " + what, status, null);
    }
}
