package org.radlens.dicomio.codec;

/**
 * The entropy-coded bit stream of one JPEG-LS scan (ITU-T T.87 §9.1): after an 0xFF byte the next byte carries only
 * 7 bits; an 0xFF followed by a byte ≥ 0x80 is a marker and ends the scan.
 */
final class JpegLsBits {
    private final byte[] b;
    private int pos;
    private long cache;
    private int bits;

    JpegLsBits(byte[] b, int pos) {
        this.b = b;
        this.pos = pos;
    }

    private void fill() {
        while (bits <= 56) {
            if (pos >= b.length) {
                cache |= 0L; // zeros past the end (a corrupt stream decodes to garbage, bounded by the image size)
                bits += 8;
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

    int read(int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 1 | readBit();
        }
        return v;
    }

    /** Number of 0 bits before the next 1 (at most {@code max}). */
    int zeros(int max) {
        int n = 0;
        while (n < max && readBit() == 0) {
            n++;
        }
        return n;
    }

    /** Golomb-coded value with escape (T.87 A.5.3). */
    int golomb(int k, int limit, int qbpp) {
        int high = zeros(limit);
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
