package org.radlens.dicomio.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The entropy-coded bit stream of one JPEG-LS scan (ITU-T T.87 §9.1): after an 0xFF byte the next byte carries only
 * 7 bits; an 0xFF followed by a byte ≥ 0x80 is a marker and ends the scan (zeros are read from there on, as past the
 * end of the data). A 64-bit buffer, MSB first: refilled 32 bits at a time where the next four bytes hold no 0xFF
 * (nor follow one), byte by byte otherwise; Golomb prefixes are counted with one count-leading-zeros.
 */
final class JpegLsBits {
    private static final VarHandle BIG_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    final byte[] b;
    /** The reader's state, package-private for {@link JpegLsGreyScan}'s hot loop, which keeps it in locals. */
    int pos;
    long cache;
    int bits;

    JpegLsBits(byte[] b, int pos) {
        this.b = b;
        this.pos = pos;
    }

    /** Refills to more than 32 valid bits (fast path) or more than 56 (byte by byte); needs {@code bits ≤ 32}. */
    void fill() {
        if (pos > 0 && pos + 4 <= b.length && b[pos - 1] != (byte) 0xff) {
            int w = (int) BIG_INT.get(b, pos);
            if (((~w - 0x01010101) & w & 0x80808080) == 0) { // no 0xFF byte among the four
                cache |= (w & 0xffffffffL) << (32 - bits);
                bits += 32;
                pos += 4;
                return;
            }
        }
        fillBytes();
    }

    /** Refills byte by byte to more than 56 valid bits (none read when there are already). */
    void fillBytes() {
        while (bits <= 56) {
            if (pos >= b.length) {
                bits += 8; // zeros past the end (a corrupt stream decodes to garbage, bounded by the image size)
                continue;
            }
            int v = b[pos] & 0xff;
            if (v == 0xff && pos + 1 < b.length && (b[pos + 1] & 0xff) >= 0x80) {
                bits += 8; // marker: feed zeros, do not advance
                continue;
            }
            boolean afterFf = pos > 0 && (b[pos - 1] & 0xff) == 0xff;
            pos++;
            if (afterFf) {
                cache |= (long) (v & 0x7f) << (57 - bits);
                bits += 7;
            } else {
                cache |= (long) v << (56 - bits);
                bits += 8;
            }
        }
    }

    int readBit() {
        if (bits == 0) {
            fill();
        }
        int bit = (int) (cache >>> 63);
        cache <<= 1;
        bits--;
        return bit;
    }

    /** The next {@code n} bits (0 ≤ n ≤ 32) as an unsigned value. */
    int read(int n) {
        if (n == 0) {
            return 0;
        }
        if (bits < n) {
            fill();
            if (bits < n) {
                fillBytes();
            }
        }
        int v = (int) (cache >>> (64 - n));
        cache <<= n;
        bits -= n;
        return v;
    }

    /** Number of 0 bits before the next 1 (at most {@code max}), bit by bit. */
    private int zeros(int max) {
        int n = 0;
        while (n < max && readBit() == 0) {
            n++;
        }
        return n;
    }

    /** Golomb-coded value with escape (T.87 A.5.3). */
    int golomb(int k, int limit, int qbpp) {
        if (bits < 32) {
            fill();
        }
        int high = Long.numberOfLeadingZeros(cache);
        if (high < bits && high < limit) {
            cache = cache << high << 1;
            bits -= high + 1;
        } else {
            high = zeros(limit);
        }
        if (high >= limit - (qbpp + 1)) {
            return read(qbpp) + 1;
        }
        return k == 0 ? high : (high << k) + read(k);
    }

    /** Byte offset just after the scan's last consumed byte (approximate: for locating the next marker). */
    int position() {
        return pos;
    }
}
