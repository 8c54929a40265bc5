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
            throw new CorruptFileException(f.path, "cannot get pixel data: " + ReadFailures.describe(e), e);
        }
    }

    /** Little-endian native pixel data inside the file bytes (bounds checked by the prescan). */
    private static float[] fromBytes(byte[] b, int offset, int frame, int n, DicomHeader h, IntensityInfo info) {
        if (h.bitsAllocated() == 8) {
            return convert8(b, offset + frame * n, n, h, info);
        }
        float[] d = new float[n];
        fill16(b, offset + 2 * frame * n, Rule.of(h, info), d);
        return d;
    }

    private static float[] convert8(byte[] b, int base, int n, DicomHeader h, IntensityInfo info) {
        float[] d = new float[n];
        fill8(b, base, Rule.of(h, info).lut8(), d);
        return d;
    }

    private static float[] convert16(short[] s, int base, int n, DicomHeader h, IntensityInfo info) {
        float[] d = new float[n];
        fill16(s, base, Rule.of(h, info), d);
        return d;
    }

    // The loops live in small methods of their own, so each is compiled (and profiled) on its own.

    private static void fill8(byte[] b, int base, float[] lut, float[] d) {
        for (int i = 0; i < d.length; i++) {
            d[i] = lut[b[base + i] & 0xff];
        }
    }

    private static void fill16(byte[] b, int base, Rule r, float[] d) {
        int m = r.mask();
        int sign = r.sign();
        double slope = r.slope();
        double icpt = r.intercept();
        for (int i = 0; i < d.length; i++) {
            int v = (short) LE_SHORT.get(b, base + 2 * i) & m;
            d[i] = (float) ((v - ((v & sign) << 1)) * slope + icpt);
        }
    }

    private static void fill16(short[] s, int base, Rule r, float[] d) {
        int m = r.mask();
        int sign = r.sign();
        double slope = r.slope();
        double icpt = r.intercept();
        for (int i = 0; i < d.length; i++) {
            int v = s[base + i] & m;
            d[i] = (float) ((v - ((v & sign) << 1)) * slope + icpt);
        }
    }

    /**
     * Stored value → raw value: the BitsStored rule of {@link DecoderLimits#stored} ({@code mask}, and {@code sign}
     * the sign bit or 0 for unsigned), then the modality LUT ({@code slope} 1, {@code intercept} 0 when not applied;
     * exact for integers, so unrescaled data stays integral).
     */
    record Rule(int mask, int sign, double slope, double intercept) {
        static Rule of(DicomHeader h, IntensityInfo info) {
            int bits = Math.max(1, Math.min(h.bitsStored(), h.bitsAllocated()));
            boolean rescaled = info.rescaleApplied() && (h.rescaleSlope() != 1 || h.rescaleIntercept() != 0);
            return new Rule((1 << bits) - 1, h.signed() ? 1 << (bits - 1) : 0,
                    rescaled ? h.rescaleSlope() : 1, rescaled ? h.rescaleIntercept() : 0);
        }

        /** Every 8-bit stored value through the rule: one table lookup per pixel. */
        float[] lut8() {
            float[] lut = new float[256];
            for (int i = 0; i < 256; i++) {
                lut[i] = apply(i);
            }
            return lut;
        }

        float apply(int stored) {
            int v = stored & mask;
            return (float) ((v - ((v & sign) << 1)) * slope + intercept);
        }
    }
}
