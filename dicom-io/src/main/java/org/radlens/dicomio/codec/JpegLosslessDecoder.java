package org.radlens.dicomio.codec;

import java.nio.file.Path;
import org.radlens.dicomio.CorruptFileException;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.UnsupportedFormatException;

/**
 * A lossless JPEG decoder (ITU-T T.81 process 14: SOF3, Huffman, selection values 1–7, point transform, 2–16 bits,
 * restart intervals of whole rows, as libjpeg's lossless codec requires) for one-component (grey) DICOM frames of
 * JPEG Lossless (1.2.840.10008.1.2.4.57) and its selection-value-1 form (.70). Table-driven Huffman decoding
 * ({@link LosslessHuffman}, {@link LosslessBits}), rows reconstructed by {@link LosslessRows} and written straight
 * into the caller's native little-endian output. Hierarchical, arithmetic-coded and multi-component frames are refused
 * ({@link UnsupportedFormatException}); truncated data, invalid codes and missing tables are {@link
 * CorruptFileException}s naming the file.
 *
 * <pre>{@code
 * byte[] out = new byte[layout.frameBytes()];
 * JpegLosslessDecoder.decode(file, frame, layout, out, 0);
 * }</pre>
 */
public final class JpegLosslessDecoder {
    private final Path file;
    private final FrameLayout layout;
    private final byte[] b;
    private final LosslessHuffman[] tables = new LosslessHuffman[4];
    private int precision;
    private int restartInterval;
    private boolean frameSeen;

    private JpegLosslessDecoder(Path file, FrameLayout layout, byte[] b) {
        this.file = file;
        this.layout = layout;
        this.b = b;
    }

    /**
     * Decodes one grey frame into {@code out[offset .. offset + layout.frameBytes())}: stored values shifted by the
     * point transform, 1 or 2 little-endian bytes a sample (BitsAllocated 8 or 16).
     *
     * @throws ImageReadException a malformed or truncated frame, or a JPEG process this decoder does not implement
     */
    public static void decode(Path file, byte[] frame, FrameLayout layout, byte[] out, int offset)
            throws ImageReadException {
        NativeFrames.requireBytes(file, layout);
        new JpegLosslessDecoder(file, layout, frame).run(out, offset);
    }

    private void run(byte[] out, int offset) throws ImageReadException {
        JpegSegments.walk(file, b, "JPEG lossless frame", (marker, seg, end) -> {
            switch (marker) {
                case 0xffc3 -> frame(seg, end);
                case 0xffc4 -> huffman(seg, end);
                case 0xffdd -> restartInterval = end - seg >= 2 ? u16(seg) : 0;
                case 0xffda -> {
                    scan(seg, end, out, offset);
                    return true;
                }
                default -> refuseOtherFrames(marker);
            }
            return false;
        });
    }

    private void refuseOtherFrames(int marker) throws UnsupportedFormatException {
        boolean sof = marker >= 0xffc0 && marker <= 0xffcf && marker != 0xffc4 && marker != 0xffc8
                && marker != 0xffcc;
        if (sof || marker == 0xffde) {
            throw new UnsupportedFormatException(file, layout.transferSyntaxUid(), "JPEG frame type SOF"
                    + (marker - 0xffc0) + (marker == 0xffde ? " (hierarchical DHP)" : "")
                    + ": only non-hierarchical Huffman lossless (SOF3, process 14) is decoded");
        }
    }

    private void frame(int seg, int end) throws ImageReadException {
        if (end - seg < 9) {
            throw new CorruptFileException(file, "JPEG lossless frame header is too short");
        }
        precision = b[seg] & 0xff;
        int height = u16(seg + 1);
        int width = u16(seg + 3);
        int comps = b[seg + 5] & 0xff;
        if (comps != 1 || layout.samplesPerPixel() != 1) {
            throw new UnsupportedFormatException(file, layout.transferSyntaxUid(), "JPEG lossless frame with "
                    + comps + " components: only grey (one component) frames are decoded here");
        }
        if (width != layout.columns() || height != layout.rows() || precision < 2 || precision > 16
                || precision > 8 * layout.bytesPerSample()) {
            throw new CorruptFileException(file, "JPEG lossless frame header " + width + "x" + height + " ("
                    + precision + " bits) does not match the pixel module " + layout.columns() + "x"
                    + layout.rows() + ", BitsAllocated " + layout.bitsAllocated());
        }
        frameSeen = true;
    }

    private void huffman(int pos, int end) throws CorruptFileException {
        while (pos < end) {
            int total = 0;
            int[] counts = new int[16];
            for (int i = 0; i < 16 && pos + 1 + i < end; i++) {
                counts[i] = b[pos + 1 + i] & 0xff;
                total += counts[i];
            }
            if (pos + 17 + total > end) {
                throw new CorruptFileException(file, "JPEG Huffman table segment ends early");
            }
            if ((b[pos] & 0xf0) == 0) { // lossless scans use the DC tables (class 0); others are skipped
                LosslessHuffman t = LosslessHuffman.of(counts, java.util.Arrays.copyOfRange(b, pos + 17,
                        pos + 17 + total));
                if (t == null) {
                    throw new CorruptFileException(file, "JPEG Huffman table is invalid for lossless data (code "
                            + "lengths over-fill the code space, or a difference category above 16)");
                }
                tables[b[pos] & 3] = t;
            }
            pos += 17 + total;
        }
    }

    private void scan(int seg, int end, byte[] out, int offset) throws ImageReadException {
        int ns = b[seg] & 0xff;
        if (!frameSeen || ns != 1 || end - seg < 6) {
            throw new CorruptFileException(file, "JPEG lossless scan before its frame header, or not one component");
        }
        LosslessHuffman table = tables[(b[seg + 2] & 0xff) >> 4 & 3];
        int predictor = b[seg + 3] & 0xff;
        int pt = b[seg + 5] & 0x0f;
        if (table == null) {
            throw new CorruptFileException(file, "JPEG lossless scan uses a Huffman table that is not defined");
        }
        if (predictor < 1 || predictor > 7 || pt >= precision) {
            throw new UnsupportedFormatException(file, layout.transferSyntaxUid(), "JPEG lossless scan with "
                    + "selection value " + predictor + " and point transform " + pt + " (" + precision
                    + " bits): selection values 1–7 with Pt < P are decoded");
        }
        int width = layout.columns();
        if (restartInterval % width != 0) {
            throw new UnsupportedFormatException(file, layout.transferSyntaxUid(), "JPEG lossless restart interval "
                    + restartInterval + " is not a whole number of rows of " + width + " samples");
        }
        rows(new LosslessBits(file, b, end, table), predictor, pt, out, offset);
    }

    /** Decodes the rows: differences, reconstruction, output; a restart every {@code restartInterval / width} rows. */
    private void rows(LosslessBits bits, int predictor, int pt, byte[] out, int offset) throws ImageReadException {
        int width = layout.columns();
        int bytes = layout.bytesPerSample();
        int rowsPerInterval = restartInterval / width;
        int initial = 1 << (precision - pt - 1);
        int[] d = new int[width];
        int[] up = new int[width];
        int[] cur = new int[width];
        for (int y = 0; y < layout.rows(); y++) {
            boolean restart = rowsPerInterval > 0 && y > 0 && y % rowsPerInterval == 0;
            if (restart) {
                bits.restart(y / rowsPerInterval);
            }
            bits.differences(d, width);
            if (y == 0 || restart) {
                LosslessRows.first(d, cur, width, initial);
            } else {
                LosslessRows.next(d, up, cur, width, predictor);
            }
            LosslessRows.write(cur, width, pt, bytes, out, offset + y * width * bytes);
            int[] t = up;
            up = cur;
            cur = t;
        }
        bits.checkNotTruncated("row " + layout.rows());
    }

    private int u16(int p) {
        return (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
    }
}
