package org.radlens.dicomio.codec;

import java.io.ByteArrayOutputStream;

/**
 * Hand-made lossless JPEG streams (T.81 process 14, selection value 1, one component) for the cases dcmtk's encoder
 * does not write: restart intervals. One fixed Huffman table: the 17 difference categories on 5-bit codes 0–16
 * (codes 17–31 are invalid, which the corrupt-data tests use). The tests check the decoder against the pixels, and,
 * where dcmtk is installed, against dcmtk's decoder on the same stream.
 */
public final class LosslessStreams {
    private LosslessStreams() {
    }

    /**
     * {@code px} (row-major, {@code precision} bits) as SOI, SOF3, DHT, [DRI], SOS, data, EOI; a restart marker every
     * {@code restartRows} rows (0: none).
     */
    public static byte[] encode(int[] px, int width, int height, int precision, int restartRows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xd8});
        segment(out, 0xc3, precision, height >> 8, height, width >> 8, width, 1, 1, 0x11, 0);
        int[] dht = new int[1 + 16 + 17];
        dht[5] = 17; // 17 codes of length 5
        for (int s = 0; s <= 16; s++) {
            dht[17 + s] = s;
        }
        segment(out, 0xc4, dht);
        if (restartRows > 0) {
            int ri = restartRows * width;
            segment(out, 0xdd, ri >> 8, ri);
        }
        segment(out, 0xda, 1, 1, 0x00, 1, 0, 0);
        Bits bits = new Bits(out);
        for (int y = 0; y < height; y++) {
            boolean restart = restartRows > 0 && y > 0 && y % restartRows == 0;
            if (restart) {
                bits.flush();
                out.writeBytes(new byte[] {(byte) 0xff, (byte) (0xd0 + (y / restartRows - 1) % 8)});
            }
            for (int x = 0; x < width; x++) {
                int pred = x > 0 ? px[y * width + x - 1] : y == 0 || restart ? 1 << (precision - 1)
                        : px[(y - 1) * width];
                code(bits, (px[y * width + x] - pred) & 0xffff);
            }
        }
        bits.flush();
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xd9});
        return out.toByteArray();
    }

    /** One difference modulo 2^16: its category's 5-bit code, then its extra bits (none for 32768, category 16). */
    private static void code(Bits bits, int diff) {
        int d = diff >= 32768 && diff != 32768 ? diff - 65536 : diff;
        int s = d == 0 ? 0 : d == 32768 ? 16 : 32 - Integer.numberOfLeadingZeros(Math.abs(d));
        bits.put(s, 5);
        if (s > 0 && s < 16) {
            bits.put(d > 0 ? d : d - 1, s);
        }
    }

    private static void segment(ByteArrayOutputStream out, int marker, int... v) {
        out.write(0xff);
        out.write(marker);
        out.write((v.length + 2) >> 8);
        out.write(v.length + 2);
        for (int x : v) {
            out.write(x);
        }
    }

    /** MSB-first bits with 0xFF stuffing; a flush pads the byte with ones. */
    private static final class Bits {
        private final ByteArrayOutputStream out;
        private int acc;
        private int n;

        Bits(ByteArrayOutputStream out) {
            this.out = out;
        }

        void put(int v, int count) {
            for (int i = count - 1; i >= 0; i--) {
                acc = acc << 1 | (v >> i & 1);
                if (++n == 8) {
                    emit();
                }
            }
        }

        void flush() {
            while (n != 0) {
                put(1, 1);
            }
        }

        private void emit() {
            out.write(acc);
            if (acc == 0xff) {
                out.write(0);
            }
            acc = 0;
            n = 0;
        }
    }
}
