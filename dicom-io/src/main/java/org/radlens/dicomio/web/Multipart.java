package org.radlens.dicomio.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** multipart/related bodies (RFC 2387) as DICOMweb uses them: parts of {@code application/dicom}. */
final class Multipart {
    private Multipart() {
    }

    /**
     * The boundary parameter of a multipart/related Content-Type header; a {@link DicomWebException} naming
     * {@code item} when the answer is of another type or has no boundary.
     */
    static String boundary(String contentType, String item, int status) throws DicomWebException {
        String[] params = contentType.split(";");
        if (!params[0].trim().equalsIgnoreCase("multipart/related")) {
            throw new DicomWebException(item + ": the answer is '" + contentType + "', not multipart/related", status,
                    null);
        }
        for (String p : params) {
            String t = p.trim();
            if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = t.substring(9).replace("\"", "");
                if (!b.isEmpty() && b.length() <= 70) {
                    return b;
                }
            }
        }
        throw new DicomWebException(item + ": no usable boundary in the answer's Content-Type '" + contentType + "'",
                status, null);
    }

    /** A part's Content-Type, when it has one, must be application/dicom (it defaults to the body's type=). */
    static void checkDicomPart(Map<String, String> headers, String item, int status) throws DicomWebException {
        String type = headers.get("content-type");
        if (type != null && !type.split(";")[0].trim().equalsIgnoreCase("application/dicom")) {
            throw new DicomWebException(item + ": the part is '" + type + "', not application/dicom", status, null);
        }
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
}
