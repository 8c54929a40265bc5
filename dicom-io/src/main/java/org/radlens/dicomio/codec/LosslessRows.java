package org.radlens.dicomio.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Lossless JPEG reconstruction of one row (T.81 H.1.2.1, Table H.1): the sample is the prediction plus the decoded
 * difference, modulo 2^16. The first row of the scan and of each restart interval predicts from the left (the first
 * sample from 2^(P−Pt−1)); the first sample of other rows from above; the others by the selection value:
 * 1 Ra, 2 Rb, 3 Rc, 4 Ra+Rb−Rc, 5 Ra+((Rb−Rc)>>1), 6 Rb+((Ra−Rc)>>1), 7 (Ra+Rb)>>1 (Ra left, Rb above, Rc above-left;
 * arithmetic shifts, as libjpeg's lossless codec). Rows are written out shifted left by the point transform Pt.
 */
final class LosslessRows {
    private static final VarHandle LE_SHORT =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private LosslessRows() {
    }

    /** A row with nothing above it in its restart interval: the first sample from {@code initial}, then Ra. */
    static void first(int[] d, int[] cur, int width, int initial) {
        int ra = (initial + d[0]) & 0xffff;
        cur[0] = ra;
        for (int x = 1; x < width; x++) {
            ra = (ra + d[x]) & 0xffff;
            cur[x] = ra;
        }
    }

    /** Any other row: the first sample from above, the others by {@code predictor} (1–7). */
    static void next(int[] d, int[] up, int[] cur, int width, int predictor) {
        int ra = (up[0] + d[0]) & 0xffff;
        cur[0] = ra;
        switch (predictor) {
            case 1 -> {
                for (int x = 1; x < width; x++) {
                    ra = (ra + d[x]) & 0xffff;
                    cur[x] = ra;
                }
            }
            case 2 -> {
                for (int x = 1; x < width; x++) {
                    cur[x] = (up[x] + d[x]) & 0xffff;
                }
            }
            case 3 -> {
                for (int x = 1; x < width; x++) {
                    cur[x] = (up[x - 1] + d[x]) & 0xffff;
                }
            }
            default -> twoDimensional(d, up, cur, width, predictor);
        }
    }

    /** Selection values 4–7, which use the left neighbour and the row above. */
    private static void twoDimensional(int[] d, int[] up, int[] cur, int width, int predictor) {
        int ra = cur[0];
        for (int x = 1; x < width; x++) {
            int rb = up[x];
            int rc = up[x - 1];
            int p = switch (predictor) {
                case 4 -> ra + rb - rc;
                case 5 -> ra + ((rb - rc) >> 1);
                case 6 -> rb + ((ra - rc) >> 1);
                default -> (ra + rb) >> 1;
            };
            ra = (p + d[x]) & 0xffff;
            cur[x] = ra;
        }
    }

    /** {@code row} shifted left by {@code pt}, as 1- or 2-byte little-endian samples at {@code out[offset]}. */
    static void write(int[] row, int width, int pt, int bytes, byte[] out, int offset) {
        if (bytes == 2) {
            for (int x = 0; x < width; x++) {
                LE_SHORT.set(out, offset + 2 * x, (short) (row[x] << pt));
            }
        } else {
            for (int x = 0; x < width; x++) {
                out[offset + x] = (byte) (row[x] << pt);
            }
        }
    }
}
