package org.radlens.dicomio.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** multipart/related bodies (RFC 2387) as DICOMweb uses them: parts of {@code application/dicom}. */
final class Multipart {
    private Multipart() {
    }

    /** The boundary parameter of a Content-Type header. */
    static String boundary(String contentType) {
        for (String p : contentType.split(";")) {
            String t = p.trim();
            if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                return t.substring(9).replace("\"", "");
            }
        }
        throw new IllegalArgumentException("no boundary in Content-Type: " + contentType);
    }

    /** The bodies of every part (headers stripped). */
    static List<byte[]> parts(byte[] body, String boundary) {
        byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> out = new ArrayList<>();
        int at = indexOf(body, delim, 0);
        while (at >= 0) {
            int start = at + delim.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            int next = indexOf(body, delim, headersEnd < 0 ? start : headersEnd);
            if (headersEnd < 0 || next < 0) {
                break;
            }
            int end = next - 2; // the CRLF before the delimiter
            out.add(java.util.Arrays.copyOfRange(body, headersEnd + 4, Math.max(headersEnd + 4, end)));
            at = next;
        }
        return out;
    }

    /** One multipart/related body with each DICOM object as an {@code application/dicom} part. */
    static byte[] build(List<byte[]> objects, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] o : objects) {
            out.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(o);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
