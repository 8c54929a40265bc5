package org.radlens.dicomio.codec;

import java.nio.file.Path;
import org.radlens.dicomio.CorruptFileException;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.UnsupportedFormatException;

/**
 * A sequential DCT JPEG decoder (ITU-T T.81 processes 1, 2 and 4: Huffman, 8- or 12-bit) for one-component (grey)
 * DICOM frames, filling the gap of the JDK's 8-bit-only reader for 12-bit JPEG Extended. Float IDCT: values may
 * differ from libjpeg's integer IDCT by ±1, as between any two lossy decoders. Restart markers are honoured.
 */
public final class JpegExtendedDecoder {
    private final Path file;
    private final String ts;
    private final byte[] b;
    private final int[][] quant = new int[4][];
    private final JpegHuffman[] dc = new JpegHuffman[4];
    private final JpegHuffman[] ac = new JpegHuffman[4];
    private int precision;
    private int width;
    private int height;
    private int qSel;
    private int restart;

    private JpegExtendedDecoder(Path file, String ts, byte[] b) {
        this.file = file;
        this.ts = ts;
        this.b = b;
    }

    /** Decoded samples of a grey frame, row-major. */
    public static int[] decode(Path file, String ts, byte[] b, int w, int h) throws ImageReadException {
        return new JpegExtendedDecoder(file, ts, b).run(w, h);
    }

    private int[] run(int w, int h) throws ImageReadException {
        int[][] samples = new int[1][];
        JpegSegments.walk(file, b, "JPEG frame", (marker, seg, end) -> {
            switch (marker) {
                case 0xffc0, 0xffc1 -> frame(seg, w, h);
                case 0xffc4 -> huffman(seg, end);
                case 0xffdb -> quantTables(seg, end);
                case 0xffdd -> restart = u16(seg);
                case 0xffda -> {
                    samples[0] = scan(seg, end);
                    return true;
                }
                default -> {
                    if (marker >= 0xffc2 && marker <= 0xffcf && marker != 0xffc4 && marker != 0xffc8
                            && marker != 0xffcc) {
                        throw new UnsupportedFormatException(file, ts, "JPEG process " + Integer.toHexString(marker)
                                + " (progressive, lossless or arithmetic) inside JPEG Extended is not supported");
                    }
                }
            }
            return false;
        });
        return samples[0];
    }

    private void frame(int seg, int w, int h) throws ImageReadException {
        precision = b[seg] & 0xff;
        height = u16(seg + 1);
        width = u16(seg + 3);
        int comps = b[seg + 5] & 0xff;
        if (comps != 1 || width != w || height != h || precision != 8 && precision != 12) {
            throw new UnsupportedFormatException(file, ts, "JPEG frame " + width + "x" + height + "x" + comps + " ("
                    + precision + " bits): only grey 8/12-bit frames matching the pixel module are supported");
        }
        qSel = b[seg + 8] & 3;
    }

    private void huffman(int pos, int end) {
        while (pos + 17 <= end) {
            int tc = (b[pos] & 0xff) >> 4;
            int th = b[pos] & 3;
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = b[pos + 1 + i] & 0xff;
                total += counts[i];
            }
            int[] symbols = new int[Math.min(total, Math.max(0, end - pos - 17))];
            for (int i = 0; i < symbols.length; i++) {
                symbols[i] = b[pos + 17 + i] & 0xff;
            }
            (tc == 0 ? dc : ac)[th] = new JpegHuffman(counts, symbols);
            pos += 17 + total;
        }
    }

    private void quantTables(int pos, int end) {
        while (pos < end) {
            boolean sixteen = (b[pos] & 0xf0) != 0;
            int id = b[pos] & 3;
            int[] q = new int[64];
            for (int i = 0; i < 64 && pos + 1 + i * (sixteen ? 2 : 1) + 1 < b.length; i++) {
                q[i] = sixteen ? u16(pos + 1 + 2 * i) : b[pos + 1 + i] & 0xff;
            }
            quant[id] = q;
            pos += 1 + 64 * (sixteen ? 2 : 1);
        }
    }

    private int[] scan(int seg, int end) throws ImageReadException {
        int sel = b[seg + 2] & 0xff;
        JpegHuffman dcTable = dc[sel >> 4 & 3];
        JpegHuffman acTable = ac[sel & 3];
        if (width == 0 || dcTable == null || acTable == null || quant[qSel] == null) {
            throw new CorruptFileException(file, "JPEG scan before its frame, Huffman or quantisation tables");
        }
        int[] out = new int[width * height];
        JpegBlocks blocks = new JpegBlocks(new JpegBitReader(b, end), dcTable, acTable, quant[qSel], precision);
        int bw = (width + 7) / 8;
        int bh = (height + 7) / 8;
        for (int i = 0; i < bw * bh; i++) {
            if (restart > 0 && i > 0 && i % restart == 0) {
                blocks.restart();
            }
            blocks.decodeBlock(out, width, height, (i % bw) * 8, (i / bw) * 8);
        }
        return out;
    }

    private int u16(int p) {
        return (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
    }
}
