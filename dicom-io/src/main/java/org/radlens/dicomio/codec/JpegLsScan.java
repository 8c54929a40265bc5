package org.radlens.dicomio.codec;

/**
 * Decodes one JPEG-LS scan (ITU-T T.87, LOCO-I): regular mode with 365 contexts and bias correction, run mode with
 * run-interruption contexts, lossless and near-lossless, one component or several line-interleaved (ILV 1).
 * Output samples go to sample {@code (y·width + x)·stride + component} of {@code out} as one- or two-byte
 * little-endian values ({@code bytes}; a sample wider than the bytes keeps its low bytes), so a decoded frame is one
 * array of the native Pixel Data's size, with no wider copy of it. The general path: lossless one-component scans go
 * through {@link JpegLsGreyScan}'s tight loop, which borrows this class's run mode and quantisation table.
 */
final class JpegLsScan {
    private static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9,
        10, 11, 12, 13, 14, 15};

    private final JpegLsParams p;
    private final JpegLsBits in;
    private final int[] a = new int[367];
    private final int[] bias = new int[367];
    private final int[] c = new int[365];
    private final int[] n = new int[367];
    private final int[] nn = new int[367];
    /** Gradient quantisation (T.87 A.3.3) of every difference {@code d} of two samples, at {@code d + maxval}. */
    final byte[] qt;
    final int qo;

    JpegLsScan(JpegLsParams p, JpegLsBits in) {
        this.p = p;
        this.in = in;
        int a0 = Math.max(2, (p.range() + 32) / 64);
        java.util.Arrays.fill(a, a0);
        java.util.Arrays.fill(n, 1);
        qo = p.maxval();
        qt = new byte[2 * qo + 1];
        for (int d = -qo; d <= qo; d++) {
            qt[d + qo] = (byte) quantizeSlow(d);
        }
    }

    /** Decodes {@code comps.length} components line-interleaved (or one component) into {@code out}. */
    void decode(int width, int height, int[] comps, int stride, byte[] out, int bytes) {
        int nc = comps.length;
        int[][] prev = new int[nc][width + 2];
        int[][] cur = new int[nc][width + 2];
        int[] runIndex = new int[nc];
        for (int y = 0; y < height; y++) {
            for (int ci = 0; ci < nc; ci++) {
                int[] pl = prev[ci];
                int[] cl = cur[ci];
                pl[width + 1] = pl[width];
                cl[0] = pl[1];
                runIndex[ci] = line(pl, cl, width, runIndex[ci]);
                for (int x = 0; x < width; x++) {
                    put(out, (y * width + x) * stride + comps[ci], cl[x + 1], bytes);
                }
                prev[ci] = cl;
                cur[ci] = pl;
            }
        }
    }

    /** Sample-interleaved scan (ILV 2): all components of a pixel in turn, runs over whole pixels. */
    void decodeSampleInterleaved(int width, int height, int nc, byte[] out, int bytes) {
        int[][] prev = new int[nc][width + 2];
        int[][] cur = new int[nc][width + 2];
        int runIndex = 0;
        for (int y = 0; y < height; y++) {
            for (int c = 0; c < nc; c++) {
                prev[c][width + 1] = prev[c][width];
                cur[c][0] = prev[c][1];
            }
            int x = 1;
            while (x <= width) {
                boolean flat = true;
                int[] q = new int[3 * nc];
                for (int c = 0; c < nc; c++) {
                    q[3 * c] = quantize(prev[c][x + 1] - prev[c][x]);
                    q[3 * c + 1] = quantize(prev[c][x] - prev[c][x - 1]);
                    q[3 * c + 2] = quantize(prev[c][x - 1] - cur[c][x - 1]);
                    flat &= q[3 * c] == 0 && q[3 * c + 1] == 0 && q[3 * c + 2] == 0;
                }
                if (flat) {
                    int[] r = pixelRun(prev, cur, x, width, nc, runIndex);
                    x = r[0];
                    runIndex = r[1];
                    continue;
                }
                for (int c = 0; c < nc; c++) {
                    cur[c][x] = regular(q[3 * c], q[3 * c + 1], q[3 * c + 2], cur[c][x - 1], prev[c][x],
                            prev[c][x - 1]);
                }
                x++;
            }
            for (int c = 0; c < nc; c++) {
                for (int i = 0; i < width; i++) {
                    put(out, (y * width + i) * nc + c, cur[c][i + 1], bytes);
                }
                int[] t = prev[c];
                prev[c] = cur[c];
                cur[c] = t;
            }
        }
    }

    /** Sample {@code i} of {@code out}: {@code v}'s low byte, and its second byte when {@code bytes} is 2. */
    private static void put(byte[] out, int i, int v, int bytes) {
        if (bytes == 2) {
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >>> 8);
        } else {
            out[i] = (byte) v;
        }
    }

    /** Run of whole pixels equal to the left pixel, then an interruption pixel (context 0 for every component). */
    private int[] pixelRun(int[][] prev, int[][] cur, int x, int width, int nc, int runIndex) {
        int left = width - x + 1;
        int[] run = runLength(left, runIndex);
        int count = run[0];
        runIndex = run[1];
        boolean interrupted = run[2] == 1;
        for (int c = 0; c < nc; c++) {
            for (int i = 0; i < count; i++) {
                cur[c][x + i] = cur[c][x - 1];
            }
        }
        x += count;
        if (!interrupted || x > width) {
            return new int[] {x, runIndex};
        }
        for (int c = 0; c < nc; c++) {
            int ra = cur[c][x - 1];
            int rb = prev[c][x];
            int err = riError(0, runIndex);
            cur[c][x] = reconstruct(rb + err * (2 * p.near() + 1) * (rb - ra >= 0 ? 1 : -1));
        }
        return new int[] {x + 1, Math.max(0, runIndex - 1)};
    }

    /** One line; buffers hold sample x at index x + 1, index 0 and width + 1 are the edge extensions. */
    private int line(int[] pl, int[] cl, int width, int runIndex) {
        int x = 1;
        while (x <= width) {
            int ra = cl[x - 1];
            int rb = pl[x];
            int rc = pl[x - 1];
            int rd = pl[x + 1];
            int q1 = quantize(rd - rb);
            int q2 = quantize(rb - rc);
            int q3 = quantize(rc - ra);
            if (q1 == 0 && q2 == 0 && q3 == 0) {
                int[] r = run(pl, cl, x, width, runIndex);
                x = r[0];
                runIndex = r[1];
            } else {
                cl[x] = regular(q1, q2, q3, ra, rb, rc);
                x++;
            }
        }
        return runIndex;
    }

    private int regular(int q1, int q2, int q3, int ra, int rb, int rc) {
        int q = 81 * q1 + 9 * q2 + q3;
        int sign = q < 0 ? -1 : 1;
        q = Math.abs(q);
        int px = ra + rb - rc;
        if (rc >= Math.max(ra, rb)) {
            px = Math.min(ra, rb);
        } else if (rc <= Math.min(ra, rb)) {
            px = Math.max(ra, rb);
        }
        px = clamp(px + sign * c[q]);
        int k = golombK(n[q], a[q]);
        int m = in.golomb(k, p.limit(), p.qbpp());
        int err = (m & 1) == 0 ? m >> 1 : -(m >> 1) - 1;
        if (k == 0 && p.near() == 0 && 2 * bias[q] + n[q] - 1 < 0) {
            err = -err - 1;
        }
        update(q, err);
        return reconstruct(px + sign * err * (2 * p.near() + 1));
    }

    /**
     * The least k ≥ 0 with {@code n << k ≥ a}, at most 24 (T.87 A.5.1), without a branch (also {@link JpegLsGreyScan}'s
     * hot loop): {@code n << k0} with k0 = len(a) − len(n) has a's bit length, so k is k0 or k0 + 1.
     */
    static int golombK(int n, int a) {
        int k0 = Math.max(0, Integer.numberOfLeadingZeros(n) - Integer.numberOfLeadingZeros(a));
        return Math.min(24, k0 + ((n << k0) - a >>> 31));
    }

    private void update(int q, int err) {
        a[q] += Math.abs(err);
        bias[q] += err * (2 * p.near() + 1);
        if (n[q] == p.reset()) {
            a[q] >>= 1;
            bias[q] >>= 1;
            n[q] >>= 1;
        }
        n[q]++;
        if (bias[q] + n[q] <= 0) {
            bias[q] += n[q];
            if (bias[q] <= -n[q]) {
                bias[q] = -n[q] + 1;
            }
            c[q] = c[q] > -128 ? c[q] - 1 : c[q];
        } else if (bias[q] > 0) {
            bias[q] -= n[q];
            if (bias[q] > 0) {
                bias[q] = 0;
            }
            c[q] = c[q] < 127 ? c[q] + 1 : c[q];
        }
    }

    /** Run mode from x; returns {next x, run index}. */
    int[] run(int[] pl, int[] cl, int x, int width, int runIndex) {
        int ra = cl[x - 1];
        int left = width - x + 1;
        int[] run = runLength(left, runIndex);
        int count = run[0];
        runIndex = run[1];
        boolean interrupted = run[2] == 1;
        for (int i = 0; i < count; i++) {
            cl[x + i] = ra;
        }
        x += count;
        if (!interrupted || x > width) {
            return new int[] {x, runIndex};
        }
        cl[x] = interruption(ra, pl[x], runIndex);
        return new int[] {x + 1, Math.max(0, runIndex - 1)};
    }

    /** Reads a run length (T.87 A.7.1.1): {count ≤ left, run index after it, 1 when an interruption follows}. */
    private int[] runLength(int left, int runIndex) {
        int count = 0;
        while (count < left && in.readBit() == 1) {
            int len = Math.min(1 << J[runIndex], left - count);
            count += len;
            if (len == 1 << J[runIndex]) {
                runIndex = Math.min(31, runIndex + 1);
            }
        }
        boolean interrupted = count < left;
        if (interrupted && J[runIndex] > 0) {
            count += in.read(J[runIndex]);
        }
        return new int[] {Math.min(count, left), runIndex, interrupted ? 1 : 0};
    }

    private int interruption(int ra, int rb, int runIndex) {
        int type = Math.abs(ra - rb) <= p.near() ? 1 : 0;
        int err = riError(type, runIndex);
        int step = err * (2 * p.near() + 1);
        return type == 1 ? reconstruct(ra + step) : reconstruct(rb + step * (rb > ra ? 1 : -1));
    }

    /** Decodes a run-interruption error with context {@code 365 + type} and updates it (T.87 A.7.2). */
    private int riError(int type, int runIndex) {
        int q = 365 + type;
        int temp = a[q] + (n[q] >> 1) * type;
        int k = golombK(n[q], temp);
        int em = in.golomb(k, p.limit() - J[runIndex] - 1, p.qbpp());
        int t = em + type;
        int map = t & 1;
        int abs = (t + map) / 2;
        int err = ((k != 0 || 2 * nn[q] >= n[q]) == (map != 0)) ? -abs : abs;
        if (err < 0) {
            nn[q]++;
        }
        a[q] += (em + 1 - type) >> 1;
        if (n[q] == p.reset()) {
            a[q] >>= 1;
            n[q] >>= 1;
            nn[q] >>= 1;
        }
        n[q]++;
        return err;
    }

    private int quantize(int d) {
        return qt[d + qo];
    }

    private int quantizeSlow(int d) {
        if (d <= -p.t3()) {
            return -4;
        } else if (d <= -p.t2()) {
            return -3;
        } else if (d <= -p.t1()) {
            return -2;
        } else if (d < -p.near()) {
            return -1;
        } else if (d <= p.near()) {
            return 0;
        } else if (d < p.t1()) {
            return 1;
        } else if (d < p.t2()) {
            return 2;
        } else if (d < p.t3()) {
            return 3;
        }
        return 4;
    }

    private int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, p.maxval());
    }

    private int reconstruct(int v) {
        int span = p.range() * (2 * p.near() + 1);
        if (v < -p.near()) {
            v += span;
        } else if (v > p.maxval() + p.near()) {
            v -= span;
        }
        return clamp(v);
    }
}
