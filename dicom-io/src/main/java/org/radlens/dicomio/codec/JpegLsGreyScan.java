package org.radlens.dicomio.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The common JPEG-LS scan in one tight loop: one component, lossless (NEAR = 0), any bit depth 2–16, thresholds and
 * RESET. Same values as {@link JpegLsScan}'s general path (JpegLsGreyScanTest compares the two), 1.65× as fast
 * on the 12–16-bit workload films (validation/README.md): the bit buffer, the neighbours Ra/Rb/Rc/Rd and the previous
 * gradient stay in local variables, the regular-mode context (A, B, C, N, Golomb k) is one packed array entry, and the
 * Golomb code, prediction, context update and reconstruction are written out inline, their data-dependent branches
 * (mispredicted on noisy films) as masks and min / max. Rare cases leave the loop: a refill that meets an 0xFF byte or the end of the data, a code
 * longer than the buffered bits or an escape code ({@link JpegLsBits}), and run mode ({@link JpegLsScan#run}).
 */
final class JpegLsGreyScan {
    private static final VarHandle BIG_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final JpegLsParams p;
    private final JpegLsBits in;
    /** Run mode and the quantisation table (its run-interruption contexts are the ones used). */
    private final JpegLsScan general;
    /** Regular-mode contexts 0…364: A, B (bias), C, N and the Golomb k of A and N at {@code 5q … 5q + 4}. */
    private final int[] ctx = new int[5 * 365];

    JpegLsGreyScan(JpegLsParams p, JpegLsBits in) {
        if (p.near() != 0) {
            throw new IllegalArgumentException("lossless scans only, NEAR = " + p.near());
        }
        this.p = p;
        this.in = in;
        this.general = new JpegLsScan(p, in);
        int a0 = Math.max(2, (p.range() + 32) / 64);
        for (int q = 0; q < 365; q++) {
            ctx[5 * q] = a0;
            ctx[5 * q + 3] = 1;
            ctx[5 * q + 4] = JpegLsScan.golombK(1, a0);
        }
    }

    /** Decodes the scan into sample {@code (y·width + x)·stride + comp} of {@code out} ({@code bytes} a sample). */
    void decode(int width, int height, int stride, int comp, byte[] out, int bytes) {
        int[] prev = new int[width + 2];
        int[] cur = new int[width + 2];
        int runIndex = 0;
        for (int y = 0; y < height; y++) {
            prev[width + 1] = prev[width];
            cur[0] = prev[1];
            runIndex = line(prev, cur, width, runIndex);
            int base = y * width;
            if (bytes == 2) {
                for (int x = 0; x < width; x++) {
                    SHORT_LE.set(out, 2 * ((base + x) * stride + comp), (short) cur[x + 1]);
                }
            } else {
                for (int x = 0; x < width; x++) {
                    out[(base + x) * stride + comp] = (byte) cur[x + 1];
                }
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
    }

    /**
     * One line (sample x at index x + 1; index 0 and width + 1 are the edge extensions); returns the run index.
     * Deliberately one long method: split into calls, the JIT no longer keeps the state in registers.
     */
    private int line(int[] pl, int[] cl, int width, int runIndex) {
        final byte[] qt = general.qt;
        final int qo = general.qo;
        final int[] cx = ctx;
        final byte[] b = in.b;
        final int maxval = p.maxval();
        final int range = p.range();
        final int range3 = (range & range - 1) == 0 ? 3 * range : 0; // 0: not a power of 2, never the short cut
        final int reset = p.reset();
        final int limit = p.limit();
        final int qbpp = p.qbpp();
        final int escape = limit - qbpp - 1; // a unary prefix this long announces an escape code
        final int end = b.length - 8;
        long cache = in.cache;
        int bits = in.bits;
        int pos = in.pos;
        int x = 1;
        int ra = cl[0];
        int rc = pl[0];
        int rb = pl[1];
        int q2 = qt[rb - rc + qo];
        while (x <= width) {
            int rd = pl[x + 1];
            int q1 = qt[rd - rb + qo];
            int q3 = qt[rc - ra + qo];
            int qs = 81 * q1 + 9 * q2 + q3;
            if (qs == 0) {
                in.cache = valid(cache, bits);
                in.bits = bits;
                in.pos = pos;
                int[] r = general.run(pl, cl, x, width, runIndex);
                cache = in.cache;
                bits = in.bits;
                pos = in.pos;
                x = r[0];
                runIndex = r[1];
                if (x <= width) {
                    ra = cl[x - 1];
                    rc = pl[x - 1];
                    rb = pl[x];
                    q2 = qt[rb - rc + qo];
                }
                continue;
            }
            int sign = qs >> 31; // 0 or −1
            int i = 5 * ((qs ^ sign) - sign);
            int aq = cx[i];
            int bq = cx[i + 1];
            int cq = cx[i + 2];
            int nq = cx[i + 3];
            int k = cx[i + 4]; // computed at the context's last update, off the sample-to-sample dependency chain
            // the median edge detector is the median of Ra, Rb and Ra + Rb − Rc: no data-dependent branch
            int px = Math.min(Math.max(ra, rb), Math.max(Math.min(ra, rb), ra + rb - rc));
            px += (cq ^ sign) - sign;
            px = Math.max(0, Math.min(px, maxval));
            // refill to ≥ 56 bits without a data-dependent branch where the next 8 bytes hold no 0xFF (nor follow
            // one): bytes past the valid bits are already in the buffer, and are the same bits a later refill ORs in
            long w = pos <= end && bits < 64 && b[pos - 1] != (byte) 0xff ? (long) BIG_LONG.get(b, pos) : -1L;
            if (((~w - 0x0101010101010101L) & w & 0x8080808080808080L) == 0) {
                cache |= w >>> bits;
                pos += 63 - bits >>> 3;
                bits |= 56;
            } else if (bits < 32) {
                in.cache = valid(cache, bits); // JpegLsBits keeps zeros past its valid bits
                in.bits = bits;
                in.pos = pos;
                in.fillBytes();
                cache = in.cache;
                bits = in.bits;
                pos = in.pos;
            }
            int high = Long.numberOfLeadingZeros(cache);
            int m;
            if (high < bits - k && high < escape) {
                long rest = cache << high << 1;
                m = high << k | (int) (rest >>> 1 >>> (63 - k));
                cache = rest << k;
                bits -= high + 1 + k;
            } else {
                in.cache = valid(cache, bits);
                in.bits = bits;
                in.pos = pos;
                m = in.golomb(k, limit, qbpp);
                cache = in.cache;
                bits = in.bits;
                pos = in.pos;
            }
            // even m: m / 2, odd: −(m + 1) / 2; with k = 0 and 2B + N − 1 < 0: −err − 1 (T.87 A.5.2); XORs of
            // masks computed beside m, so that the signed error is two operations after m
            int flip = -(m & 1) ^ (k - 1 >> 31) & (2 * bq + nq - 1 >> 31);
            int err = m >> 1 ^ flip;
            int t = px + ((m >> 1 ^ (flip ^ sign)) - sign);
            // context update (T.87 A.6), its data-dependent branches as masks and min / max
            aq += Math.abs(err);
            bq += err;
            int halve = nq == reset ? 1 : 0;
            aq >>= halve;
            bq >>= halve;
            nq = (nq >> halve) + 1;
            int down = bq + nq - 1 >> 31; // −1 where B + N ≤ 0
            int up = -bq >> 31; // −1 where B > 0 (never with down: B ≤ −N there)
            bq += (nq & down) - (nq & up);
            bq = Math.min(0, Math.max(bq, 1 - nq));
            cq = Math.max(-128, Math.min(127, cq - up + down));
            cx[i] = aq;
            cx[i + 1] = bq;
            cx[i + 2] = cq;
            cx[i + 3] = nq;
            cx[i + 4] = JpegLsScan.golombK(nq, aq);
            // modulo RANGE (below 0: + RANGE, else above MAXVAL: − RANGE), then clamped: one AND where RANGE is a
            // power of 2 and t within [−RANGE, 2·RANGE) (a branch the processor predicts), else in full
            int v = t & maxval;
            int u = t + range;
            if (u >= range3 || u < 0) {
                v = t + (range & t >> 31);
                v -= range & maxval - v >> 31;
                v = Math.max(0, Math.min(v, maxval));
            }
            cl[x] = v;
            ra = v;
            rc = rb;
            rb = rd;
            q2 = q1;
            x++;
        }
        in.cache = valid(cache, bits);
        in.bits = bits;
        in.pos = pos;
        return runIndex;
    }

    /** The buffer with zeros past its {@code bits} valid bits, as {@link JpegLsBits} keeps it. */
    private static long valid(long cache, int bits) {
        return bits == 0 ? 0 : cache & -1L << 64 - bits;
    }
}
