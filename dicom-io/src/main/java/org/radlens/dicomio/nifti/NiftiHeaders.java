package org.radlens.dicomio.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.UnsupportedFormatException;

/** Parses NIfTI-1 (348-byte) and NIfTI-2 (540-byte) headers in either byte order into {@link NiftiHeader}. */
public final class NiftiHeaders {
    private NiftiHeaders() {
    }

    public static boolean isNifti(byte[] h) {
        return version(h) != 0;
    }

    /** True for the header of a .hdr/.img pair (magic ni1/ni2). */
    public static boolean isPairHeader(byte[] h) {
        int v = version(h);
        return v == 1 && h[345] == 'i' || v == 2 && h[5] == 'i';
    }

    /** 1 or 2 when sizeof_hdr and magic agree, else 0. */
    static int version(byte[] h) {
        if (h.length >= 348 && sizeof(h) == 348 && h[344] == 'n' && (h[345] == '+' || h[345] == 'i') && h[346] == '1') {
            return 1;
        }
        if (h.length >= 540 && sizeof(h) == 540 && h[4] == 'n' && (h[5] == '+' || h[5] == 'i') && h[6] == '2') {
            return 2;
        }
        return 0;
    }

    private static int sizeof(byte[] h) {
        int le = ByteBuffer.wrap(h, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return le == 348 || le == 540 ? le : Integer.reverseBytes(le);
    }

    static NiftiHeader parse(Path file, byte[] h) throws ImageReadException {
        int v = version(h);
        if (v == 0) {
            throw new UnsupportedFormatException(file, "", "not a NIfTI-1/NIfTI-2 header (sizeof_hdr/magic)");
        }
        ByteBuffer b = ByteBuffer.wrap(h);
        int le = ByteBuffer.wrap(h, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        b.order(le == 348 || le == 540 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        return v == 1 ? parse1(b, h) : parse2(b, h);
    }

    private static NiftiHeader parse1(ByteBuffer b, byte[] h) {
        long[] dim = new long[8];
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getShort(40 + 2 * i);
            pixdim[i] = b.getFloat(76 + 4 * i);
        }
        double[] quat = {b.getFloat(256), b.getFloat(260), b.getFloat(264), b.getFloat(268), b.getFloat(272),
            b.getFloat(276)};
        double[] srow = new double[12];
        for (int i = 0; i < 12; i++) {
            srow[i] = b.getFloat(280 + 4 * i);
        }
        return new NiftiHeader(1, b.order(), b.getShort(70), b.getShort(72), dim, pixdim,
                (long) b.getFloat(108), b.getFloat(112), b.getFloat(116), b.getShort(252), b.getShort(254), quat,
                srow, h[123] & 0xff, text(h, 148, 80), h[345] == 'i');
    }

    private static NiftiHeader parse2(ByteBuffer b, byte[] h) {
        long[] dim = new long[8];
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getLong(16 + 8 * i);
            pixdim[i] = b.getDouble(104 + 8 * i);
        }
        double[] quat = new double[6];
        for (int i = 0; i < 6; i++) {
            quat[i] = b.getDouble(352 + 8 * i);
        }
        double[] srow = new double[12];
        for (int i = 0; i < 12; i++) {
            srow[i] = b.getDouble(400 + 8 * i);
        }
        return new NiftiHeader(2, b.order(), b.getShort(12), b.getShort(14), dim, pixdim, b.getLong(168),
                b.getDouble(176), b.getDouble(184), b.getInt(344), b.getInt(348), quat, srow, b.getInt(500),
                text(h, 240, 80), h[5] == 'i');
    }

    private static String text(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.ISO_8859_1);
    }
}
