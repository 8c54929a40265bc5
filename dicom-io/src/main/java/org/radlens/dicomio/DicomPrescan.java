package org.radlens.dicomio;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.radlens.dicomio.codec.FrameLayout;

/**
 * A cheap walk over every element header of an in-memory DICOM file, before any parser allocates: refuses lengths
 * that run past the end of the file (the classic absurd-length attack) and finds the transfer syntax, including for
 * files without preamble or meta header (guessed from the first element, as dcmtk and pydicom do).
 */
final class DicomPrescan {
    static final int PIXEL_DATA = 0x7FE00010;
    private static final int ITEM = 0xFFFEE000;
    private static final int SEQ_DELIM = 0xFFFEE0DD;
    private static final int UNDEFINED = -1;
    private static final Set<String> LONG_VRS = Set.of("OB", "OW", "OF", "OD", "OL", "OV", "SQ", "UC", "UR", "UT",
            "UN", "SV", "UV");

    /**
     * What the walk found.
     *
     * @param pixelOffset offset of the last (top-level) Pixel Data value when it has a defined length, else -1
     * @param pixelLength its length, else -1
     * @param encapsulatedOffset offset of the first item of the last undefined-length Pixel Data, else -1
     * @param datasetOffset offset of the first element after the preamble and file meta information
     * @param implicitVrDataset the meta information declares an explicit VR transfer syntax but the dataset is written
     *        in implicit VR (its first element has no VR); the walk read it as implicit VR, as pydicom does
     * @param layout the top-level Image Pixel module as read by the walk (defaults as {@link DicomHeader#read} gives
     *        them when absent; all absent for deflated datasets, which the walk cannot look into): what the decoder
     *        is chosen by before the parse
     */
    record Result(boolean hasPreamble, boolean hasMeta, String transferSyntaxUid, boolean hasPixelData,
                  int pixelOffset, long pixelLength, int encapsulatedOffset, int datasetOffset,
                  boolean implicitVrDataset, FrameLayout layout) {
    }

    private final Path file;
    private final byte[] b;
    /** The length of the whole file: {@code b.length}, or more when {@code b} is only its head ({@link #scanHead}). */
    private final long fileLength;
    /** A head scan ran out of head before it reached the Pixel Data that ends the file. */
    private boolean headTooShort;
    private int pos;
    private boolean bigEndian;
    private boolean explicit;
    private int pixelOffset = -1;
    private long pixelLength = -1;
    private int encapsulatedOffset = -1;
    private String vr;
    private final PixelModuleFacts facts = new PixelModuleFacts();

    private DicomPrescan(Path file, byte[] bytes, long fileLength) {
        this.file = file;
        this.b = bytes;
        this.fileLength = fileLength;
    }

    /** True when the bytes look like DICOM (preamble + DICM, or a plausible first element without preamble). */
    static boolean looksLikeDicom(byte[] head) {
        if (head.length >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
            return true;
        }
        if (head.length < 8) {
            return false;
        }
        int groupLe = (head[0] & 0xff) | (head[1] & 0xff) << 8;
        int groupBe = (head[1] & 0xff) | (head[0] & 0xff) << 8;
        boolean vr = Character.isUpperCase(head[4]) && Character.isUpperCase(head[5]);
        return (groupLe == 0x0002 || groupLe == 0x0008 || groupBe == 0x0008) && (vr || head[6] == 0 && head[7] == 0);
    }

    static Result scan(Path file, byte[] bytes) throws CorruptFileException {
        return new DicomPrescan(file, bytes, bytes.length).run();
    }

    /**
     * The walk over {@code head}, the first bytes of a file of {@code fileLength} bytes, for files whose top-level
     * Pixel Data has a defined length and is the file's last element, its header inside the head: the result then
     * has the Pixel Data's offset and length, as {@link #scan} of the whole file gives them (the pixel bytes need not
     * be read). Null for anything else, which {@link #scan} of the whole file is for (also when the head is malformed:
     * the whole-file scan names the fault).
     */
    static Result scanHead(Path file, byte[] head, long fileLength) {
        DicomPrescan p = new DicomPrescan(file, head, fileLength);
        try {
            Result r = p.run();
            return p.headTooShort || r.pixelOffset() < 0 || r.implicitVrDataset() ? null : r;
        } catch (CorruptFileException e) {
            return null;
        }
    }

    private Result run() throws CorruptFileException {
        boolean preamble = b.length >= 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M';
        pos = preamble ? 132 : 0;
        if (!preamble && !looksLikeDicom(b)) {
            throw new CorruptFileException(file, "not a DICOM file (no DICM preamble, no plausible first element)");
        }
        String ts = "";
        boolean meta = b.length >= pos + 8 && u16le(pos) == 0x0002;
        if (meta) {
            ts = readMeta();
        }
        if (ts.isEmpty()) {
            ts = guessSyntax();
        }
        bigEndian = TransferSyntax.EXPLICIT_BE.uid().equals(ts);
        explicit = !TransferSyntax.IMPLICIT_LE.uid().equals(ts);
        boolean deflated = TransferSyntax.DEFLATED_LE.uid().equals(ts);
        int dataset = pos;
        boolean implicitData = meta && explicit && !bigEndian && !deflated && b.length >= pos + 8
                && !(Character.isUpperCase(b[pos + 4]) && Character.isUpperCase(b[pos + 5]));
        explicit &= !implicitData;
        boolean pixels = deflated || walkDataset();
        return new Result(preamble, meta, ts, pixels, pixelOffset, pixelLength, encapsulatedOffset, dataset,
                implicitData, facts.layout(ts));
    }

    private String readMeta() throws CorruptFileException {
        bigEndian = false;
        explicit = true;
        String ts = "";
        while (pos + 8 <= b.length && u16le(pos) == 0x0002) {
            int tag = tag();
            long len = header();
            if (len == UNDEFINED) {
                throw corrupt("undefined length in file meta element " + hex(tag));
            }
            need(len, tag);
            if (tag == 0x00020010) {
                ts = new String(b, pos, (int) len, StandardCharsets.US_ASCII).replace("\0", "").trim();
            }
            pos += (int) len;
        }
        return ts;
    }

    private String guessSyntax() {
        if (b.length < pos + 8) {
            return TransferSyntax.IMPLICIT_LE.uid();
        }
        boolean vr = Character.isUpperCase(b[pos + 4]) && Character.isUpperCase(b[pos + 5]);
        boolean be = u16le(pos) > 0x00ff && ((b[pos + 1] & 0xff) | (b[pos] & 0xff) << 8) <= 0x00ff;
        if (be && vr) {
            return TransferSyntax.EXPLICIT_BE.uid();
        }
        return vr ? TransferSyntax.EXPLICIT_LE.uid() : TransferSyntax.IMPLICIT_LE.uid();
    }

    /** Walks all element headers; returns whether pixel data was seen. */
    private boolean walkDataset() throws CorruptFileException {
        boolean pixels = false;
        boolean encapsulated = false;
        int depth = 0; // undefined-length sequences (and encapsulated pixel data) open around this element
        while (pos + 8 <= b.length) {
            int tag = tag();
            long len = header();
            if (tag == PIXEL_DATA) {
                pixels = true;
                encapsulated = len == UNDEFINED;
                encapsulatedOffset = encapsulated ? pos : encapsulatedOffset;
            }
            if (len == UNDEFINED || tag == ITEM && !encapsulated || (tag >>> 16) == 0xFFFE && len == 0) {
                if (tag == SEQ_DELIM) {
                    encapsulated = false;
                    depth = Math.max(0, depth - 1);
                } else if (len == UNDEFINED && (tag >>> 16) != 0xFFFE) {
                    depth++;
                }
                continue; // descend into sequence / item contents
            }
            if (len > b.length - pos && b.length < fileLength) {
                boolean last = tag == PIXEL_DATA && depth == 0 && pos + len == fileLength;
                pixelOffset = last ? pos : pixelOffset;
                pixelLength = last ? len : pixelLength;
                headTooShort = !last;
                return true;
            }
            need(len, tag);
            if (depth == 0 && (tag >>> 16) == 0x0028) {
                facts.see(tag, vr, b, pos, (int) len, bigEndian);
            }
            if (tag == PIXEL_DATA) {
                pixelOffset = pos;
                pixelLength = len;
            }
            pos += (int) len;
        }
        headTooShort = b.length < fileLength;
        return pixels;
    }

    private int tag() {
        int g = u16(pos);
        int e = u16(pos + 2);
        pos += 4;
        return g << 16 | e;
    }

    /** Reads VR (explicit) and length; returns the length or UNDEFINED. */
    private long header() throws CorruptFileException {
        int group = u16(pos - 4);
        boolean delimiter = group == 0xFFFE;
        long len;
        vr = null;
        if (!explicit || delimiter) {
            len = u32(pos);
            pos += 4;
        } else {
            vr = new String(b, pos, 2, StandardCharsets.US_ASCII);
            if (LONG_VRS.contains(vr)) {
                if (pos + 8 > b.length) {
                    throw corrupt("element header cut off at byte " + pos);
                }
                len = u32(pos + 4);
                pos += 8;
            } else {
                len = u16(pos + 2);
                pos += 4;
            }
        }
        return len == 0xFFFFFFFFL ? UNDEFINED : len;
    }

    private void need(long len, int tag) throws CorruptFileException {
        if (len > b.length - pos) {
            throw corrupt("element " + hex(tag) + " declares " + len + " bytes at offset " + pos + " but only "
                    + (b.length - pos) + " remain (truncated or corrupt)");
        }
    }

    private CorruptFileException corrupt(String why) {
        return new CorruptFileException(file, why);
    }

    private static String hex(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xffff);
    }

    private int u16le(int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
    }

    private int u16(int p) {
        return bigEndian ? (b[p + 1] & 0xff) | (b[p] & 0xff) << 8 : u16le(p);
    }

    private long u32(int p) {
        long lo = u16(bigEndian ? p + 2 : p);
        long hi = u16(bigEndian ? p : p + 2);
        return hi << 16 | lo;
    }
}
