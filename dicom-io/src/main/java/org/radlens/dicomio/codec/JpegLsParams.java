package org.radlens.dicomio.codec;

/** Coding parameters of a JPEG-LS scan (T.87 §C.2.4.1.1 defaults unless an LSE marker overrides them). */
record JpegLsParams(int maxval, int near, int t1, int t2, int t3, int reset, int range, int qbpp, int limit) {

    static JpegLsParams of(int precision, int near, int maxvalIn, int t1In, int t2In, int t3In, int resetIn) {
        int maxval = maxvalIn > 0 ? maxvalIn : (1 << precision) - 1;
        int range = (maxval + 2 * near) / (2 * near + 1) + 1;
        int qbpp = ceilLog2(range);
        int bpp = Math.max(2, ceilLog2(maxval + 1));
        int limit = 2 * (bpp + Math.max(8, bpp));
        int[] t = defaults(maxval, near);
        return new JpegLsParams(maxval, near, t1In > 0 ? t1In : t[0], t2In > 0 ? t2In : t[1], t3In > 0 ? t3In : t[2],
                resetIn > 0 ? resetIn : 64, range, qbpp, limit);
    }

    private static int[] defaults(int maxval, int near) {
        if (maxval >= 128) {
            int f = (Math.min(maxval, 4095) + 128) / 256;
            int t1 = clamp(f * (3 - 2) + 2 + 3 * near, near + 1, maxval);
            int t2 = clamp(f * (7 - 3) + 3 + 5 * near, t1, maxval);
            return new int[] {t1, t2, clamp(f * (21 - 4) + 4 + 7 * near, t2, maxval)};
        }
        int f = 256 / (maxval + 1);
        int t1 = clamp(Math.max(2, 3 / f + 3 * near), near + 1, maxval);
        int t2 = clamp(Math.max(3, 7 / f + 5 * near), t1, maxval);
        return new int[] {t1, t2, clamp(Math.max(4, 21 / f + 7 * near), t2, maxval)};
    }

    private static int clamp(int v, int lo, int hi) {
        return v > hi || v < lo ? lo : v;
    }

    private static int ceilLog2(int v) {
        int n = 0;
        while ((1L << n) < v) {
            n++;
        }
        return n;
    }
}
