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

    /** The tables of a DHT segment's bytes [{@code pos}, {@code end}) into {@code dc} / {@code ac} by class and id. */
    static void readTables(byte[] b, int pos, int end, JpegHuffman[] dc, JpegHuffman[] ac) {
        while (pos + 17 <= end) {
            int tc = (b[pos] & 0xff) >> 4;
            int th = b[pos] & 3;
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = b[pos + 1 + i] & 0xff;
                total += counts[i];
            }
            int[] symbols = new int[Math.min(total, Math.max(0, end - pos - 17))];
            for (int i = 0; i < symbols.length; i++) {
                symbols[i] = b[pos + 17 + i] & 0xff;
            }
            (tc == 0 ? dc : ac)[th] = new JpegHuffman(counts, symbols);
            pos += 17 + total;
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
