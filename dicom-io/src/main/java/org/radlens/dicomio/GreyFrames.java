package org.radlens.dicomio;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import org.radlens.volume3d.IntensityInfo;

/**
 * The fast path for grey 8/16-bit frames: straight from PixelMed's own arrays to rescaled floats in one loop (one
 * allocation per frame), applying the BitsStored rule of {@link DecoderLimits#stored} and the modality LUT.
 * Returns null where the general path ({@link PixelDecoding} + {@link DicomImages}) is needed.
 */
final class GreyFrames {
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
        float[] d = new float[n];
        int[] r = rule(h);
        int m = r[0];
        int sign = r[1];
        if (h.bitsAllocated() == 8) {
            int base = offset + frame * n;
            for (int i = 0; i < n; i++) {
                int v = b[base + i] & m;
                d[i] = v - ((v & sign) << 1); // branch-free BitsStored rule: vectorisable
            }
        } else {
            int base = offset + 2 * frame * n;
            for (int i = 0; i < n; i++) {
                int v = ((b[base + 2 * i] & 0xff) | (b[base + 2 * i + 1] & 0xff) << 8) & m;
                d[i] = v - ((v & sign) << 1);
            }
        }
        return rescale(d, h, info);
    }

    private static float[] convert8(byte[] b, int base, int n, DicomHeader h, IntensityInfo info) {
        float[] d = new float[n];
        int[] r = rule(h);
        int m = r[0];
        int sign = r[1];
        for (int i = 0; i < n; i++) {
            int v = b[base + i] & m;
            d[i] = v - ((v & sign) << 1);
        }
        return rescale(d, h, info);
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

    private static float[] rescale(float[] d, DicomHeader h, IntensityInfo info) {
        if (info.rescaleApplied() && (h.rescaleSlope() != 1 || h.rescaleIntercept() != 0)) {
            double slope = h.rescaleSlope();
            double icpt = h.rescaleIntercept();
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) (d[i] * slope + icpt);
            }
        }
        return d;
    }
}
