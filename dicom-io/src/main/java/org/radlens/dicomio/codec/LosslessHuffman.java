package org.radlens.dicomio.codec;

/**
 * A lossless-JPEG (T.81 H.1.2.2) Huffman table of difference categories SSSS 0–16, built for table-driven decoding:
 * {@link #lookup} gives code length and SSSS for every code of up to {@link #LOOKUP_BITS} bits from the next
 * {@code LOOKUP_BITS} bits of the stream; longer codes (rare: the table puts the frequent categories on short codes)
 * go through {@link #slow} on the next 16 bits.
 */
final class LosslessHuffman {
    /** Bits of the first-level table. */
    static final int LOOKUP_BITS = 10;

    /**
     * Indexed by the next {@link #LOOKUP_BITS} bits: {@code length << 5 | ssss} of the code they start with, or 0
     * when that code is longer (or no code starts so: then {@link #slow} says -1).
     */
    final short[] lookup = new short[1 << LOOKUP_BITS];
    /** Per code length 1–16: the largest code of that length (-1: none), and its symbols' first index - first code. */
    private final int[] maxCode = new int[17];
    private final int[] offset = new int[17];
    private final byte[] symbols;

    private LosslessHuffman(byte[] symbols) {
        this.symbols = symbols;
    }

    /**
     * The table of a DHT entry: {@code counts[l]} codes of length {@code l + 1}, then their symbols in order.
     *
     * @return the table, or null when the counts over-fill the code space or a symbol is not a category 0–16 (the
     * caller names the file)
     */
    static LosslessHuffman of(int[] counts, byte[] symbols) {
        LosslessHuffman t = new LosslessHuffman(symbols);
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            t.offset[len] = k - code;
            for (int i = 0; i < counts[len - 1]; i++, k++, code++) {
                int s = symbols[k] & 0xff;
                if (s > 16 || code >= 1 << len) {
                    return null;
                }
                if (len <= LOOKUP_BITS) {
                    int shift = LOOKUP_BITS - len;
                    java.util.Arrays.fill(t.lookup, code << shift, (code + 1) << shift, (short) (len << 5 | s));
                }
            }
            t.maxCode[len] = counts[len - 1] == 0 ? -1 : code - 1;
            code <<= 1;
        }
        return t;
    }

    /** {@code length << 5 | ssss} of the code the 16 bits {@code next16} start with; -1 when no code does. */
    int slow(int next16) {
        for (int len = LOOKUP_BITS + 1; len <= 16; len++) {
            int code = next16 >>> (16 - len);
            if (code <= maxCode[len]) {
                return len << 5 | (symbols[offset[len] + code] & 0xff);
            }
        }
        return -1;
    }
}
