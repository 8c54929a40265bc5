package org.radlens.dicomio.codec;

import java.nio.file.Path;
import org.radlens.dicomio.CorruptFileException;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.UnsupportedFormatException;

/**
 * A lossless JPEG decoder (ITU-T T.81 process 14, annex H: Huffman, predictors 1–7, 2–16 bits) for
 * one-component (grey) DICOM frames, JPEG Lossless and JPEG Lossless SV1. Samples are reconstructed modulo 2^16 and
 * written straight into the frame's native little-endian bytes (two row buffers beside them), the way issue 15's
 * peak-heap work needs; the image read uses it where GDCM is not installed ({@code CompressedGrey}), in place of
 * PixelMed's decoder, which allocates hundreds of times the frame. Anything else (several components, other
 * processes, restart intervals: no encoder at hand writes them to test against; a point transform, which PixelMed
 * leaves unshifted where T.81 shifts it back) is refused as unsupported, and the caller keeps PixelMed's decoder.
 */
public final class JpegLosslessDecoder {
    private final Path file;
    private final String ts;
    private final byte[] b;
    private final JpegHuffman[] dc = new JpegHuffman[4];
    private final JpegHuffman[] ac = new JpegHuffman[4];
    private int precision;
    private int restart;

    private JpegLosslessDecoder(Path file, String ts, byte[] b) {
        this.file = file;
        this.ts = ts;
        this.b = b;
    }

    /** A grey frame of {@code w × h} samples as {@code bytes}-byte little-endian values (1 or 2). */
    public static byte[] decode(Path file, String ts, byte[] b, int w, int h, int bytes) throws ImageReadException {
        return new JpegLosslessDecoder(file, ts, b).run(w, h, bytes);
    }

    private byte[] run(int w, int h, int bytes) throws ImageReadException {
        if (b.length < 4 || (b[0] & 0xff) != 0xff || (b[1] & 0xff) != 0xd8) {
            throw new CorruptFileException(file, "JPEG frame does not start with SOI");
        }
        int pos = 2;
        while (pos + 4 <= b.length) {
            int marker = u16(pos);
            int len = u16(pos + 2);
            if ((marker & 0xff00) != 0xff00 || len < 2 || pos + 2 + len > b.length) {
                throw new CorruptFileException(file, "JPEG marker segment at " + pos + " is malformed");
            }
            int seg = pos + 4;
            int end = pos + 2 + len;
            if (marker == 0xffc3) {
                frame(seg, w, h);
            } else if (marker == 0xffc4) {
                JpegHuffman.readTables(b, seg, end, dc, ac);
            } else if (marker == 0xffdd) {
                restart = u16(seg);
            } else if (marker == 0xffda) {
                return scan(seg, end, w, h, bytes);
            } else if (marker >= 0xffc0 && marker <= 0xffcf && marker != 0xffc4 && marker != 0xffc8
                    && marker != 0xffcc) {
                throw new UnsupportedFormatException(file, ts, "JPEG process " + Integer.toHexString(marker)
                        + " inside JPEG Lossless is not supported");
            }
            pos = end;
        }
        throw new CorruptFileException(file, "JPEG frame has no scan");
    }

    private void frame(int seg, int w, int h) throws ImageReadException {
        precision = b[seg] & 0xff;
        int height = u16(seg + 1);
        int width = u16(seg + 3);
        int comps = b[seg + 5] & 0xff;
        if (comps != 1 || width != w || height != h || precision < 2 || precision > 16) {
            throw new UnsupportedFormatException(file, ts, "lossless JPEG frame " + width + "x" + height + "x" + comps
                    + " (" + precision + " bits): only grey frames matching the pixel module are supported");
        }
    }

    private byte[] scan(int seg, int end, int w, int h, int bytes) throws ImageReadException {
        int ns = b[seg] & 0xff;
        JpegHuffman table = ns == 1 ? dc[b[seg + 2] >> 4 & 3] : null;
        int predictor = b[seg + 1 + 2 * ns] & 0xff;
        int pt = b[seg + 3 + 2 * ns] & 0x0f;
        if (precision == 0 || table == null) {
            throw new CorruptFileException(file, "lossless JPEG scan before its frame or Huffman table");
        }
        if (predictor < 1 || predictor > 7 || pt != 0 || restart > 0) {
            throw new UnsupportedFormatException(file, ts, "lossless JPEG scan with predictor " + predictor
                    + ", point transform " + pt + ", restart interval " + restart);
        }
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(w, h), bytes)];
        JpegBitReader in = new JpegBitReader(b, end);
        int[] prev = new int[w];
        int[] cur = new int[w];
        int initial = 1 << (precision - pt - 1);
        boolean first = true;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = first ? (x == 0 ? initial : cur[x - 1]) : x == 0 ? prev[0]
                        : predict(predictor, cur[x - 1], prev[x], prev[x - 1]);
                cur[x] = (p + difference(table, in)) & 0xffff;
            }
            put(cur, out, y * w, bytes);
            int[] t = prev;
            prev = cur;
            cur = t;
            first = false;
        }
        return out;
    }

    /** T.81 table H.1, in int arithmetic (libjpeg's): Ra left, Rb above, Rc above-left. */
    private static int predict(int predictor, int ra, int rb, int rc) {
        return switch (predictor) {
            case 1 -> ra;
            case 2 -> rb;
            case 3 -> rc;
            case 4 -> ra + rb - rc;
            case 5 -> ra + ((rb - rc) >> 1);
            case 6 -> rb + ((ra - rc) >> 1);
            default -> (ra + rb) >> 1;
        };
    }

    /** One Huffman-coded difference (H.1.2.2: category 16 is 32768 with no extra bits). */
    private int difference(JpegHuffman table, JpegBitReader in) throws CorruptFileException {
        int t = table.decode(in);
        if (t == 0) {
            return 0;
        }
        if (t == 16) {
            return 32768;
        }
        if (t > 16) {
            throw new CorruptFileException(file, "lossless JPEG difference category " + t + " (at most 16)");
        }
        int v = in.bits(t);
        return v < 1 << (t - 1) ? v - (1 << t) + 1 : v;
    }

    /** A row's samples as little-endian values from sample {@code at}. */
    private static void put(int[] row, byte[] out, int at, int bytes) {
        for (int x = 0; x < row.length; x++) {
            int v = row[x];
            if (bytes == 2) {
                out[2 * (at + x)] = (byte) v;
                out[2 * (at + x) + 1] = (byte) (v >>> 8);
            } else {
                out[at + x] = (byte) v;
            }
        }
    }

    private int u16(int p) {
        return (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
    }
}
