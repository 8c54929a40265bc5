package org.radlens.dicomio.codec;

import java.nio.file.Path;
import org.radlens.dicomio.CorruptFileException;

/**
 * Our own RLE Lossless decoder (PS3.5 annex G), used instead of PixelMed's so that 16-bit colour and 32-bit data
 * decode too. Each frame becomes native little-endian, pixel-interleaved bytes (PlanarConfiguration 0); the
 * registry ({@link FrameDecoders}) offers it every RLE object. Every offset and run is bounds-checked: malformed
 * frames are a {@link CorruptFileException}.
 */
public final class RleDecoder {
    private RleDecoder() {
    }

    /**
     * One RLE frame as native little-endian, pixel-interleaved bytes (8, 16 or 32 bits, grey or colour).
     *
     * @throws CorruptFileException the frame's header, segment count or offsets do not fit {@code layout}
     */
    public static byte[] decode(Path file, byte[] in, FrameLayout layout) throws CorruptFileException {
        int bytes = layout.bitsAllocated() / 8;
        int spp = layout.samplesPerPixel();
        int pixels = Math.multiplyExact(layout.rows(), layout.columns());
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(pixels, spp), Math.max(1, bytes))];
        if (in == null || in.length < 64) {
            throw new CorruptFileException(file, "RLE frame shorter than its 64-byte header");
        }
        int segments = u32(in, 0);
        if (segments != spp * bytes) {
            throw new CorruptFileException(file, "RLE frame has " + segments + " segments, expected " + spp * bytes);
        }
        int stride = spp * bytes;
        for (int s = 0; s < segments; s++) { // segment s·bytes + b holds byte b (most significant first) of sample s
            int start = u32(in, 4 + 4 * s);
            int end = s + 1 < segments ? u32(in, 8 + 4 * s) : in.length;
            if (start < 64 || end > in.length || start > end) {
                throw new CorruptFileException(file, "RLE segment " + s + " offsets " + start + ".." + end
                        + " outside the frame of " + in.length + " bytes");
            }
            int sample = s / bytes;
            int byteInValue = bytes - 1 - s % bytes; // little-endian position of this segment's byte
            unpack(in, start, end, out, sample * bytes + byteInValue, stride, pixels);
        }
        return out;
    }

    /**
     * PackBits: n in 0..127 copies n + 1 literal bytes, −1..−127 repeats the next byte 1 − n times; the segment's
     * {@code count} bytes go straight to {@code out[first + i·stride]} (those it does not reach stay 0).
     */
    private static void unpack(byte[] in, int pos, int end, byte[] out, int first, int stride, int count) {
        int o = 0;
        while (pos < end && o < count) {
            int n = in[pos++];
            if (n >= 0) {
                int len = Math.min(n + 1, Math.min(end - pos, count - o));
                for (int i = 0; i < len; i++) {
                    out[first + (o + i) * stride] = in[pos + i];
                }
                pos += n + 1;
                o += len;
            } else if (n != -128 && pos < end) {
                int len = Math.min(1 - n, count - o);
                byte v = in[pos++];
                for (int i = 0; i < len; i++) {
                    out[first + (o + i) * stride] = v;
                }
                o += len;
            }
        }
    }

    private static int u32(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0x7f) << 24;
    }
}
