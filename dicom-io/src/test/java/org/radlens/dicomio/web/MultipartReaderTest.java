package org.radlens.dicomio.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming multipart reader: round trips of random bodies in random chunks, and malformed answers. */
class MultipartReaderTest {
    static final String ITEM = "WADO-RS studies/1/series/2/instances/3";

    /** Hands out at most {@code max} bytes per read (random sizes), as a socket does. */
    static InputStream chunked(byte[] body, Random rnd, int max) {
        return new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + rnd.nextInt(max)));
            }
        };
    }

    static List<byte[]> readAll(InputStream in, String boundary) throws IOException {
        MultipartReader r = new MultipartReader(in, boundary, ITEM, 200);
        List<byte[]> out = new ArrayList<>();
        for (Map<String, String> h = r.next(); h != null; h = r.next()) {
            assertEquals("application/dicom", h.get("content-type"));
            ByteArrayOutputStream part = new ByteArrayOutputStream();
            long n = r.copyBody(part);
            assertEquals(part.size(), n);
            out.add(part.toByteArray());
        }
        assertEquals(out.size(), r.parts());
        return out;
    }

    @Test
    void randomBodiesInRandomChunksComeBackByteForByte() throws IOException {
        Random rnd = new Random(0);
        String boundary = "radlens-0c8f6a1e-4d7b-4f0e-9a55-3e2b1c0d9f87";
        byte[] nearMiss = ("\r\n--" + boundary.substring(0, 20)).getBytes(StandardCharsets.ISO_8859_1);
        for (int round = 0; round < 40; round++) {
            List<byte[]> parts = new ArrayList<>();
            for (int p = 0, n = 1 + rnd.nextInt(3); p < n; p++) {
                byte[] b = new byte[rnd.nextInt(round % 4 == 0 ? 900_000 : 3_000)];
                rnd.nextBytes(b);
                for (int k = 0; k < 5 && b.length > nearMiss.length; k++) { // delimiter prefixes inside the data
                    System.arraycopy(nearMiss, 0, b, rnd.nextInt(b.length - nearMiss.length), nearMiss.length);
                }
                parts.add(b);
            }
            byte[] body = Multipart.build(parts, boundary);
            List<byte[]> back = readAll(chunked(body, rnd, round % 2 == 0 ? 7 : 70_000), boundary);
            assertEquals(parts.size(), back.size(), "round " + round);
            for (int p = 0; p < parts.size(); p++) {
                assertArrayEquals(parts.get(p), back.get(p), "round " + round + " part " + p);
            }
        }
    }

    @Test
    void acceptsAPreambleTransportPaddingAndAPartWithoutHeaders() throws IOException {
        byte[] body = ("preamble text\r\n--b0  \r\n\r\nABC\r\n--b0\r\nContent-Type: application/dicom\r\n"
                + "Content-Length: 2\r\n\r\nDE\r\n--b0--\r\nepilogue").getBytes(StandardCharsets.ISO_8859_1);
        MultipartReader r = new MultipartReader(new ByteArrayInputStream(body), "b0", ITEM, 200);
        assertEquals(Map.of(), r.next());
        r.copyBody(java.io.OutputStream.nullOutputStream()); // skipped the same when not copied: see the second part
        Map<String, String> second = r.next();
        assertEquals("2", second.get("content-length"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.copyBody(out);
        assertEquals("DE", out.toString(StandardCharsets.ISO_8859_1));
        assertNull(r.next());
        assertNull(r.next());
    }

    @Test
    void anEmptyPartIsEmpty() throws IOException {
        byte[] body = Multipart.build(List.of(new byte[0], new byte[]{9}), "b0");
        List<byte[]> back = readAll(new ByteArrayInputStream(body), "b0");
        assertEquals(0, back.get(0).length);
        assertArrayEquals(new byte[]{9}, back.get(1));
    }

    @Test
    void aTruncatedPartIsAClearErrorNamingTheItem() {
        byte[] body = Multipart.build(List.of(new byte[5000]), "b0");
        byte[] cut = Arrays.copyOf(body, body.length - 12); // the closing delimiter and the body's last bytes gone
        DicomWebException e = assertThrows(DicomWebException.class,
                () -> readAll(new ByteArrayInputStream(cut), "b0"));
        assertEquals(ITEM + ": malformed multipart answer: truncated: the body ends inside part 1 (no closing "
                + "delimiter)", e.getMessage());
        assertEquals(200, e.status());
    }

    @Test
    void malformedBodiesAreClearErrors() {
        assertMalformed("no multipart delimiter '--b0' in the body", "--other\r\n\r\nA\r\n--other--");
        assertMalformed("no multipart delimiter '--b0' in the body", "");
        assertMalformed("part 1: unexpected 'junk' after the delimiter", "--b0junk\r\n\r\nA\r\n--b0--");
        assertMalformed("part 1: malformed header line 'no colon here'", "--b0\r\nno colon here\r\n\r\nA\r\n--b0--");
        assertMalformed("part 1: its headers do not end with a blank line within 16384 bytes",
                "--b0\r\nContent-Type: application/dicom\r\n");
        assertMalformed("part 1: its headers do not end with a blank line within 16384 bytes",
                "--b0\r\nX: " + "y".repeat(20_000) + "\r\n\r\nA\r\n--b0--");
        assertMalformed("the body ends right after a delimiter of part 2", "--b0\r\n\r\nA\r\n--b0");
    }

    static void assertMalformed(String what, String body) {
        DicomWebException e = assertThrows(DicomWebException.class, () -> readAllAnyType(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1))));
        assertEquals(ITEM + ": malformed multipart answer: " + what, e.getMessage());
    }

    static void readAllAnyType(InputStream in) throws IOException {
        MultipartReader r = new MultipartReader(in, "b0", ITEM, 200);
        while (r.next() != null) {
            r.copyBody(java.io.OutputStream.nullOutputStream());
        }
    }

    @Test
    void contentTypesAreChecked() throws DicomWebException {
        assertEquals("b 0", Multipart.boundary("Multipart/Related; type=\"application/dicom\"; boundary=\"b 0\"",
                ITEM, 200));
        DicomWebException json = assertThrows(DicomWebException.class,
                () -> Multipart.boundary("application/dicom+json", ITEM, 200));
        assertEquals(ITEM + ": the answer is 'application/dicom+json', not multipart/related", json.getMessage());
        DicomWebException none = assertThrows(DicomWebException.class,
                () -> Multipart.boundary("multipart/related; type=\"application/dicom\"", ITEM, 200));
        assertTrue(none.getMessage().startsWith(ITEM + ": no usable boundary"), none.getMessage());
        DicomWebException part = assertThrows(DicomWebException.class,
                () -> Multipart.checkDicomPart(Map.of("content-type", "application/octet-stream"), ITEM, 200));
        assertEquals(ITEM + ": the part is 'application/octet-stream', not application/dicom", part.getMessage());
        Multipart.checkDicomPart(Map.of("content-type", "application/dicom; transfer-syntax=1.2.840.10008.1.2.4.70"),
                ITEM, 200);
        Multipart.checkDicomPart(Map.of(), ITEM, 200);
    }
}
