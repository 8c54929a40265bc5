package org.radlens.dicomio.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.radlens.dicomio.CorruptFileException;

/**
 * The entropy-coded segment of a lossless JPEG scan decoded to differences (T.81 H.1.2.2 and F.2.2): a 64-bit bit
 * buffer refilled byte by byte, a stuffed 0xFF 0x00 read as 0xFF, any other marker ending the data (zero bytes are
 * fed past it and counted, so that reading into them is reported as truncated data instead of decoding garbage).
 */
final class LosslessBits {
    private static final VarHandle BIG_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private final Path file;
    private final byte[] b;
    private final LosslessHuffman table;
    private long acc;
    private int n;
    private int pos;
    /** Zero bytes fed past a marker or the end: always the last {@code 8 · fed} bits of {@link #acc}. */
    private int fed;

    LosslessBits(Path file, byte[] b, int pos, LosslessHuffman table) {
        this.file = file;
        this.b = b;
        this.pos = pos;
        this.table = table;
    }

    /**
     * Decodes the next {@code count} differences into {@code d[0..count)}. One method on purpose: the bit buffer
     * lives in locals for the whole row (the JIT keeps them in registers), and refill, Huffman look-up and the
     * difference bits are inlined; split up, the row costs several times more.
     *
     * @throws CorruptFileException a bit sequence that is no code of the table
     */
    void differences(int[] d, int count) throws CorruptFileException {
        long acc = this.acc;
        int n = this.n;
        int pos = this.pos;
        int fed = this.fed;
        final byte[] b = this.b;
        final short[] lookup = table.lookup;
        for (int i = 0; i < count; i++) {
            if (n < 32) { // refill to at least 32 bits: a code (≤ 16) and its bits (≤ 15) fit
                int four = pos + 4 <= b.length ? (int) BIG_INT.get(b, pos) : 0;
                int x = ~four;
                if (pos + 4 <= b.length && ((x - 0x01010101) & ~x & 0x80808080) == 0) { // no 0xFF among them
                    acc = acc << 32 | (four & 0xffffffffL);
                    n += 32;
                    pos += 4;
                } else {
                    while (n <= 56) {
                        int c = pos < b.length ? b[pos] & 0xff : 0x1ff;
                        if (c < 0xff) {
                            pos++;
                        } else if (c == 0xff && pos + 1 < b.length && b[pos + 1] == 0) {
                            pos += 2;
                        } else { // a marker or the end: feed zeros, stay on it
                            c = 0;
                            fed++;
                        }
                        acc = acc << 8 | c;
                        n += 8;
                    }
                }
            }
            int next16 = (int) (acc >>> (n - 16)) & 0xffff;
            int e = lookup[next16 >>> (16 - LosslessHuffman.LOOKUP_BITS)];
            if (e == 0 && (e = table.slow(next16)) < 0) {
                throw new CorruptFileException(file, "JPEG lossless data hold an invalid Huffman code near byte "
                        + pos);
            }
            n -= e >>> 5;
            int s = e & 31;
            if (s == 16) {
                d[i] = 32768; // T.81 H.1.2.2: no additional bits
            } else { // s bits v: v if its top bit is set, else v - (2^s - 1); s = 0 gives 0 (branch-free: signs are random)
                n -= s;
                int v = (int) (acc >>> n) & ((1 << s) - 1);
                d[i] = v + ((((v >>> (s - 1)) & 1) - 1) & (1 - (1 << s)));
            }
        }
        this.acc = acc;
        this.n = n;
        this.pos = pos;
        this.fed = fed;
    }

    /**
     * Ends a restart interval or the scan: the data read so far must not have run into the fed zeros.
     *
     * @throws CorruptFileException when they did (the data end or a marker came too early)
     */
    void checkNotTruncated(String where) throws CorruptFileException {
        if ((long) fed * 8 > n) {
            throw new CorruptFileException(file, "JPEG lossless data end early (" + where + "): truncated or "
                    + "corrupt frame");
        }
    }

    /**
     * Starts the next restart interval: the bits left in the current byte are padding; the RSTn marker (after any
     * 0xFF fill bytes) must come next.
     *
     * @throws CorruptFileException when no restart marker follows
     */
    void restart(int interval) throws CorruptFileException {
        checkNotTruncated("restart interval " + interval);
        while (pos + 1 < b.length && (b[pos] & 0xff) == 0xff && (b[pos + 1] & 0xff) == 0xff) {
            pos++;
        }
        if (pos + 1 >= b.length || (b[pos] & 0xff) != 0xff || (b[pos + 1] & 0xf8) != 0xd0) {
            throw new CorruptFileException(file, "JPEG lossless restart marker missing before restart interval "
                    + interval + " (byte " + pos + ")");
        }
        pos += 2;
        acc = 0;
        n = 0;
        fed = 0;
    }
}
