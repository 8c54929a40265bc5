package org.radlens.dicomio.codec;

/** Entropy-coded JPEG (T.81) bits: 0xFF 0x00 is a data 0xFF; any other marker ends the data (zeros follow). */
final class JpegBitReader {
    private final byte[] b;
    private int pos;
    private int cache;
    private int bits;

    JpegBitReader(byte[] b, int pos) {
        this.b = b;
        this.pos = pos;
    }

    int bit() {
        if (bits == 0) {
            cache = nextByte();
            bits = 8;
        }
        bits--;
        return cache >> bits & 1;
    }

    int bits(int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 1 | bit();
        }
        return v;
    }

    private int nextByte() {
        if (pos >= b.length) {
            return 0;
        }
        int v = b[pos] & 0xff;
        if (v != 0xff) {
            pos++;
            return v;
        }
        if (pos + 1 < b.length && b[pos + 1] == 0) {
            pos += 2;
            return 0xff;
        }
        return 0; // a marker: stay on it
    }

    /** Drops the partial byte and skips an RSTn marker if one is next. */
    void restart() {
        bits = 0;
        if (pos + 1 < b.length && (b[pos] & 0xff) == 0xff && (b[pos + 1] & 0xf8) == 0xd0) {
            pos += 2;
        }
    }
}
