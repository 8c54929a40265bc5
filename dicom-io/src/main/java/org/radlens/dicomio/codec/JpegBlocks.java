package org.radlens.dicomio.codec;

/** Huffman-decodes, dequantises and inverse-transforms 8×8 blocks of one JPEG component (float IDCT). */
final class JpegBlocks {
    private static final int[] ZIGZAG = {0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33,
        40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};
    private static final double[][] COS = new double[8][8];

    static {
        for (int x = 0; x < 8; x++) {
            for (int u = 0; u < 8; u++) {
                COS[x][u] = (u == 0 ? Math.sqrt(0.5) : 1) * Math.cos((2 * x + 1) * u * Math.PI / 16) / 2;
            }
        }
    }

    private final JpegBitReader in;
    private final JpegHuffman dc;
    private final JpegHuffman ac;
    private final int[] q;
    private final int max;
    private final int shift;
    private int pred;

    JpegBlocks(JpegBitReader in, JpegHuffman dc, JpegHuffman ac, int[] q, int precision) {
        this.in = in;
        this.dc = dc;
        this.ac = ac;
        this.q = q;
        this.max = (1 << precision) - 1;
        this.shift = 1 << (precision - 1);
    }

    void restart() {
        in.restart();
        pred = 0;
    }

    void decodeBlock(int[] out, int width, int height, int x0, int y0) {
        double[] coef = new double[64];
        int t = dc.decode(in);
        pred += extend(in.bits(Math.min(t, 16)), Math.min(t, 16));
        coef[0] = pred * (double) q[0];
        for (int k = 1; k < 64; ) {
            int rs = ac.decode(in);
            int r = rs >> 4;
            int s = rs & 15;
            if (s == 0) {
                if (r != 15) {
                    break;
                }
                k += 16;
                continue;
            }
            k += r;
            if (k > 63) {
                break;
            }
            coef[ZIGZAG[k]] = extend(in.bits(s), s) * (double) q[k];
            k++;
        }
        idct(coef, out, width, height, x0, y0);
    }

    private void idct(double[] c, int[] out, int width, int height, int x0, int y0) {
        double[] tmp = new double[64];
        for (int y = 0; y < 8; y++) {
            for (int u = 0; u < 8; u++) {
                double s = 0;
                for (int v = 0; v < 8; v++) {
                    s += COS[y][v] * c[v * 8 + u];
                }
                tmp[y * 8 + u] = s;
            }
        }
        for (int y = 0; y < 8 && y0 + y < height; y++) {
            for (int x = 0; x < 8 && x0 + x < width; x++) {
                double s = 0;
                for (int u = 0; u < 8; u++) {
                    s += COS[x][u] * tmp[y * 8 + u];
                }
                int v = (int) Math.round(s) + shift;
                out[(y0 + y) * width + x0 + x] = v < 0 ? 0 : Math.min(v, max);
            }
        }
    }

    private static int extend(int v, int t) {
        return t == 0 ? 0 : v < 1 << (t - 1) ? v - (1 << t) + 1 : v;
    }
}
