package org.radlens.dicomio;

import java.nio.charset.StandardCharsets;
import org.radlens.dicomio.codec.FrameLayout;

/**
 * The top-level Image Pixel module values that {@link DicomPrescan}'s walk passes by, read from the element bytes:
 * enough to choose the pixel decoder (and the grey fast path) before the one parse. US values are binary in the
 * dataset's byte order; IS/CS (and anything written with a string VR) are parsed as text. A later duplicate wins, as
 * in PixelMed.
 */
final class PixelModuleFacts {
    private int rows;
    private int columns;
    private int samples;
    private int bitsAllocated;
    private int bitsStored;
    private int frames;
    private String photometric = "";

    /** One group-0028 element of the top-level dataset; {@code vr} null in implicit VR. */
    void see(int tag, String vr, byte[] b, int at, int len, boolean bigEndian) {
        switch (tag) {
            case 0x00280010 -> rows = number(vr, b, at, len, bigEndian);
            case 0x00280011 -> columns = number(vr, b, at, len, bigEndian);
            case 0x00280002 -> samples = number(vr, b, at, len, bigEndian);
            case 0x00280100 -> bitsAllocated = number(vr, b, at, len, bigEndian);
            case 0x00280101 -> bitsStored = number(vr, b, at, len, bigEndian);
            case 0x00280008 -> frames = (int) Math.min(Integer.MAX_VALUE, decimal(text(b, at, len)));
            case 0x00280004 -> photometric = text(b, at, len);
            default -> {
            }
        }
    }

    /** What was seen, with {@link DicomHeader#read}'s defaults for what was not. */
    FrameLayout layout(String transferSyntaxUid) {
        return new FrameLayout(transferSyntaxUid, rows, columns, Math.max(1, samples), bitsAllocated, bitsStored,
                Math.max(1, frames), photometric.isEmpty() ? "MONOCHROME2" : photometric);
    }

    private static int number(String vr, byte[] b, int at, int len, boolean bigEndian) {
        boolean binary = vr == null || vr.equals("US") || vr.equals("SS") || vr.equals("UN") || vr.equals("OB")
                || vr.equals("OW");
        if (!binary) {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, decimal(text(b, at, len))));
        }
        if (len < 2) {
            return 0;
        }
        int v = bigEndian ? (b[at] & 0xff) << 8 | (b[at + 1] & 0xff) : (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
        return "SS".equals(vr) ? (short) v : v;
    }

    private static String text(byte[] b, int at, int len) {
        String s = new String(b, at, len, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
        int backslash = s.indexOf('\\');
        return backslash < 0 ? s : s.substring(0, backslash).trim();
    }

    private static double decimal(String s) {
        try {
            return s.isEmpty() ? 0 : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0; // malformed: treated as absent, as the header does
        }
    }
}
