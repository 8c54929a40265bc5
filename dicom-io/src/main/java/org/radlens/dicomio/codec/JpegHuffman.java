package org.radlens.dicomio.codec;

/** A canonical JPEG Huffman table (T.81 annex C), decoded bit by bit. */
final class JpegHuffman {
    private final int[] maxCode = new int[17];
    private final int[] valPtr = new int[17];
    private final int[] minCode = new int[17];
    private final int[] symbols;

    JpegHuffman(int[] counts, int[] symbols) {
        this.symbols = symbols;
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            valPtr[len] = k;
            minCode[len] = code;
            code += counts[len - 1];
            k += counts[len - 1];
            maxCode[len] = counts[len - 1] == 0 ? -1 : code - 1;
            code <<= 1;
        }
    }

    /** The next symbol, or 0 for an invalid code (corrupt data decode to garbage, never out of bounds). */
    int decode(JpegBitReader in) {
        int code = 0;
        for (int len = 1; len <= 16; len++) {
            code = code << 1 | in.bit();
            if (code <= maxCode[len]) {
                int i = valPtr[len] + code - minCode[len];
                return i >= 0 && i < symbols.length ? symbols[i] : 0;
            }
        }
        return 0;
    }
}
