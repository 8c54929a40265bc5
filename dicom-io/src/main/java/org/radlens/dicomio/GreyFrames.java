package org.radlens.dicomio;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.radlens.volume3d.IntensityInfo;

/**
 * The fast path for grey 8/16-bit frames: straight from the file bytes (or PixelMed's own arrays) to rescaled floats
 * in one pass (one allocation per frame), applying the BitsStored rule of {@link DecoderLimits#stored} and the
 * modality LUT: a 256-entry table for 8-bit data, a fused little-endian read + rule + rescale for 16-bit data.
 * Returns null where the general path ({@link PixelDecoding} + {@link DicomImages}) is needed.
 */
final class GreyFrames {
    private static final VarHandle LE_SHORT =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private GreyFrames() {
    }

    static float[] frame(DicomFile f, int frame, IntensityInfo info) throws CorruptFileException {
        DicomHeader h = f.header;
        if (h.samplesPerPixel() != 1 || info.photometric() == IntensityInfo.Photometric.RGB
                || TransferSyntax.EXPLICIT_BE.uid().equals(h.transferSyntaxUid())) {
            return null;
        }
        int n = h.rows() * h.columns();
        long end = (long) (frame + 1) * n;
        if (f.raw != null) {
            return fromBytes(f.raw, f.rawOffset, frame, n, h, info);
        }
        Attribute px = f.list.get(TagFromName.PixelData);
        try {
            if (h.bitsAllocated() == 8 && px instanceof OtherByteAttribute) {
                byte[] b = px.getByteValues();
                return b == null || b.length < end ? null : convert8(b, frame * n, n, h, info);
            }
            if (h.bitsAllocated() == 16 && px instanceof OtherWordAttribute) {
                short[] s = px.getShortValues();
                return s == null || s.length < end ? null : convert16(s, frame * n, n, h, info);
            }
            return null;
        } catch (DicomException | RuntimeException e) {
            throw new CorruptFileException(f.path, "cannot get pixel data: " + e, e);
        }
    }

    /** Little-endian native pixel data inside the file bytes (bounds checked by the prescan). */
    private static float[] fromBytes(byte[] b, int offset, int frame, int n, DicomHeader h, IntensityInfo info) {
        if (h.bitsAllocated() == 8) {
            return convert8(b, offset + frame * n, n, h, info);
        }
        int[] r = rule(h);
        float[] d = new float[n];
        int base = offset + 2 * frame * n;
        if (rescaled(h, info)) {
            fill16(b, base, r[0], r[1], h.rescaleSlope(), h.rescaleIntercept(), d);
        } else {
            fill16(b, base, r[0], r[1], d);
        }
        return d;
    }

    // The loops live in small methods of their own, so each is compiled (and profiled) on its own.

    private static void fill16(byte[] b, int base, int m, int sign, double slope, double icpt, float[] d) {
        for (int i = 0; i < d.length; i++) {
            int v = (short) LE_SHORT.get(b, base + 2 * i) & m;
            d[i] = (float) ((v - ((v & sign) << 1)) * slope + icpt);
        }
    }

    private static void fill16(byte[] b, int base, int m, int sign, float[] d) {
        for (int i = 0; i < d.length; i++) {
            int v = (short) LE_SHORT.get(b, base + 2 * i) & m;
            d[i] = v - ((v & sign) << 1);
        }
    }

    private static void fill8(byte[] b, int base, float[] lut, float[] d) {
        for (int i = 0; i < d.length; i++) {
            d[i] = lut[b[base + i] & 0xff];
        }
    }

    /** Every 8-bit stored value through the BitsStored rule and the modality LUT: one table lookup per pixel. */
    private static float[] lut8(DicomHeader h, IntensityInfo info) {
        int[] r = rule(h);
        boolean rescale = rescaled(h, info);
        float[] lut = new float[256];
        for (int i = 0; i < 256; i++) {
            int v = i & r[0];
            int s = v - ((v & r[1]) << 1);
            lut[i] = rescale ? (float) (s * h.rescaleSlope() + h.rescaleIntercept()) : s;
        }
        return lut;
    }

    private static float[] convert8(byte[] b, int base, int n, DicomHeader h, IntensityInfo info) {
        float[] d = new float[n];
        fill8(b, base, lut8(h, info), d);
        return d;
    }

    private static float[] convert16(short[] s, int base, int n, DicomHeader h, IntensityInfo info) {
        float[] d = new float[n];
        int[] r = rule(h);
        int m = r[0];
        int sign = r[1];
        for (int i = 0; i < n; i++) {
            int v = s[base + i] & m;
            d[i] = v - ((v & sign) << 1);
        }
        return rescale(d, h, info);
    }

    /** {mask, sign bit (0 for unsigned)} for the BitsStored rule of {@link DecoderLimits#stored}. */
    private static int[] rule(DicomHeader h) {
        int bits = Math.max(1, Math.min(h.bitsStored(), h.bitsAllocated()));
        return new int[] {(1 << bits) - 1, h.signed() ? 1 << (bits - 1) : 0};
    }

    private static boolean rescaled(DicomHeader h, IntensityInfo info) {
        return info.rescaleApplied() && (h.rescaleSlope() != 1 || h.rescaleIntercept() != 0);
    }

    private static float[] rescale(float[] d, DicomHeader h, IntensityInfo info) {
        if (rescaled(h, info)) {
            double slope = h.rescaleSlope();
            double icpt = h.rescaleIntercept();
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) (d[i] * slope + icpt);
            }
        }
        return d;
    }
}
