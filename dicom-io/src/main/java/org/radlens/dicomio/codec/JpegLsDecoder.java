package org.radlens.dicomio.codec;

import java.nio.file.Path;
import org.radlens.dicomio.CorruptFileException;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.UnsupportedFormatException;

/**
 * A JPEG-LS (ITU-T T.87) decoder for DICOM frames: SOF55, LSE presets, one scan per component (ILV 0) or
 * line-interleaved (ILV 1) or sample-interleaved (ILV 2), lossless and near-lossless, 2–16 bits. Mapping tables
 * and point transforms are refused as unsupported. Every length is bounds-checked. A lossless one-component scan
 * (grey films) goes through the tight loop of {@link JpegLsGreyScan}, every other scan through {@link JpegLsScan};
 * both give the same values.
 */
public final class JpegLsDecoder {
    private JpegLsDecoder() {
    }

    /**
     * Decoded samples, pixel-interleaved ({@code (y·width + x)·components + c}), as one- or two-byte little-endian
     * values ({@code bytes}; wider samples keep their low bytes): the native Pixel Data of the frame, written straight
     * by the scan (no int-per-sample copy beside it).
     */
    public static byte[] decode(Path file, String ts, byte[] b, int width, int height, int comps, int bytes)
            throws ImageReadException {
        return decode(file, ts, b, width, height, comps, bytes, true);
    }

    /**
     * As {@link #decode(Path, String, byte[], int, int, int, int)}; {@code tightLoop} false takes the general
     * {@link JpegLsScan} for every scan, also the lossless one-component ones that {@link JpegLsGreyScan} decodes
     * (for comparing the two).
     */
    static byte[] decode(Path file, String ts, byte[] b, int width, int height, int comps, int bytes,
                         boolean tightLoop) throws ImageReadException {
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(width, height), comps), bytes)];
        int pos = 2;
        int precision = 0;
        int[] preset = new int[5];
        if (b.length < 4 || (b[0] & 0xff) != 0xff || (b[1] & 0xff) != 0xd8) {
            throw new CorruptFileException(file, "JPEG-LS frame does not start with SOI");
        }
        while (pos + 4 <= b.length) {
            int marker = (b[pos] & 0xff) << 8 | (b[pos + 1] & 0xff);
            if (marker == 0xffd9) {
                return out;
            }
            int len = (b[pos + 2] & 0xff) << 8 | (b[pos + 3] & 0xff);
            if ((marker & 0xff00) != 0xff00 || len < 2 || pos + 2 + len > b.length) {
                throw new CorruptFileException(file, "JPEG-LS marker segment " + Integer.toHexString(marker)
                        + " at " + pos + " is malformed");
            }
            int seg = pos + 4;
            if (marker == 0xfff7) {
                precision = b[seg] & 0xff;
                int h = u16(b, seg + 1);
                int w = u16(b, seg + 3);
                if (h != height || w != width || (b[seg + 5] & 0xff) != comps || precision < 2 || precision > 16) {
                    throw new CorruptFileException(file, "JPEG-LS frame header " + w + "x" + h + "x" + b[seg + 5]
                            + " (" + precision + " bits) does not match the DICOM pixel module");
                }
            } else if (marker == 0xfff8) {
                if ((b[seg] & 0xff) != 1) {
                    throw new UnsupportedFormatException(file, ts, "JPEG-LS mapping tables / extended presets");
                }
                for (int i = 0; i < 5; i++) {
                    preset[i] = u16(b, seg + 1 + 2 * i);
                }
            } else if (marker == 0xffda) {
                pos = scan(file, ts, b, seg, len, precision, preset, width, height, comps, out, bytes, tightLoop);
                continue;
            }
            pos += 2 + len;
        }
        return out;
    }

    /** Decodes one scan; returns the position of the next marker. */
    private static int scan(Path file, String ts, byte[] b, int seg, int len, int precision, int[] preset,
                            int width, int height, int comps, byte[] out, int bytes, boolean tightLoop)
            throws ImageReadException {
        int ns = b[seg] & 0xff;
        int[] which = new int[ns];
        for (int i = 0; i < ns; i++) {
            which[i] = (b[seg + 1 + 2 * i] & 0xff) - 1;
            if ((b[seg + 2 + 2 * i] & 0xff) != 0) {
                throw new UnsupportedFormatException(file, ts, "JPEG-LS mapping tables are not supported");
            }
        }
        int near = b[seg + 1 + 2 * ns] & 0xff;
        int ilv = b[seg + 2 + 2 * ns] & 0xff;
        if (precision == 0 || ilv > 2 || ns > 1 && ilv == 0 || ilv == 2 && ns != comps
                || (b[seg + 3 + 2 * ns] & 0xff) != 0) {
            throw new UnsupportedFormatException(file, ts, "JPEG-LS scan with interleave mode " + ilv
                    + " / point transform is not supported");
        }
        for (int i = 0; i < ns; i++) {
            which[i] = Math.max(0, Math.min(comps - 1, which[i] < comps ? which[i] : i));
        }
        JpegLsParams p = JpegLsParams.of(precision, near, preset[0], preset[1], preset[2], preset[3], preset[4]);
        JpegLsBits bits = new JpegLsBits(b, seg + len - 2);
        if (tightLoop && ns == 1 && near == 0) {
            new JpegLsGreyScan(p, bits).decode(width, height, comps, which[0], out, bytes);
        } else if (ilv == 2) {
            new JpegLsScan(p, bits).decodeSampleInterleaved(width, height, comps, out, bytes);
        } else {
            new JpegLsScan(p, bits).decode(width, height, which, comps, out, bytes);
        }
        int pos = seg + len - 2;
        while (pos + 1 < b.length && !((b[pos] & 0xff) == 0xff && (b[pos + 1] & 0xff) >= 0x80)) {
            pos++;
        }
        return pos;
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
    }
}
