package org.radlens.dicomio;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.util.Optional;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.IntensityInfo.Photometric;

/**
 * Stored values → {@link Image2D}: modality LUT (value·slope + intercept, when RescaleSlope/Intercept are present;
 * a Modality LUT Sequence is not applied), MONOCHROME1 kept raw and flagged, YBR_FULL(_422) converted to RGB with
 * the ITU-R BT.601 full-range matrix (as PS3.3 C.7.6.3.1.2 gives), PALETTE COLOR expanded through its LUTs
 * (entry values kept, 8 or 16 bit), RGB as three planar channels.
 */
final class DicomImages {
    private DicomImages() {
    }

    static IntensityInfo intensity(DicomHeader h) {
        Photometric p = switch (h.photometric()) {
            case "MONOCHROME1" -> Photometric.MONOCHROME1;
            case "MONOCHROME2" -> Photometric.MONOCHROME2;
            default -> h.samplesPerPixel() == 1 && !h.photometric().startsWith("PALETTE")
                    ? Photometric.MONOCHROME2 : Photometric.RGB;
        };
        String units = !h.rescaleType().isEmpty() ? h.rescaleType()
                : h.hasRescale() && "CT".equals(h.modality()) ? "HU" : "raw";
        return new IntensityInfo(h.modality(), units, h.hasRescale() && p != Photometric.RGB,
                p == Photometric.RGB ? Optional.empty() : h.window(), p);
    }

    static Image2D frame(DicomPixels px, AttributeList l, int frame, org.radlens.volume3d.VoxelGeometry g) {
        DicomHeader h = px.header();
        IntensityInfo info = intensity(h);
        int n = h.rows() * h.columns();
        int spp = h.samplesPerPixel();
        int base = frame * n * spp;
        if (px.reals() != null) {
            float[] d = new float[n * spp];
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) px.reals()[base + i];
            }
            return Image2D.adopt(h.columns(), h.rows(), spp, d, g, info);
        }
        if (spp == 1 && info.photometric() != Photometric.RGB) {
            float[] d = h.bitsAllocated() == 32 ? grey32(px, base, n, info) : grey(px, base, n, info);
            return Image2D.adopt(h.columns(), h.rows(), 1, d, g, info);
        }
        float[] rgb = spp == 1 ? palette(px, l, base, n) : colour(px, base, n);
        return Image2D.adopt(h.columns(), h.rows(), 3, rgb, g, info);
    }

    /** Up to 16-bit samples through {@link GreyFrames.Rule}: BitsStored rule and modality LUT. */
    private static float[] grey(DicomPixels px, int base, int n, IntensityInfo info) {
        GreyFrames.Rule r = GreyFrames.Rule.of(px.header(), info);
        int[] s = px.samples();
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = r.apply(s[base + i]);
        }
        return d;
    }

    private static float[] grey32(DicomPixels px, int base, int n, IntensityInfo info) {
        DicomHeader h = px.header();
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            long v = DecoderLimits.stored(px.value(base + i), h);
            d[i] = info.rescaleApplied() ? (float) (v * h.rescaleSlope() + h.rescaleIntercept()) : v;
        }
        return d;
    }

    private static float[] colour(DicomPixels px, int base, int n) {
        boolean ybr = px.header().photometric().startsWith("YBR_FULL");
        float[] out = new float[3 * n];
        for (int i = 0; i < n; i++) {
            float a = px.value(base + 3 * i);
            float b = px.value(base + 3 * i + 1);
            float c = px.value(base + 3 * i + 2);
            if (ybr) {
                float cb = b - 128;
                float cr = c - 128;
                out[i] = clamp(a + 1.402f * cr);
                out[n + i] = clamp(a - 0.344136f * cb - 0.714136f * cr);
                out[2 * n + i] = clamp(a + 1.772f * cb);
            } else {
                out[i] = a;
                out[n + i] = b;
                out[2 * n + i] = c;
            }
        }
        return out;
    }

    private static float clamp(float v) {
        return Math.round(Math.max(0, Math.min(255, v)));
    }

    private static float[] palette(DicomPixels px, AttributeList l, int base, int n) {
        int[][] lut = {
            lut(l, TagFromName.RedPaletteColorLookupTableDescriptor, TagFromName.RedPaletteColorLookupTableData),
            lut(l, TagFromName.GreenPaletteColorLookupTableDescriptor, TagFromName.GreenPaletteColorLookupTableData),
            lut(l, TagFromName.BluePaletteColorLookupTableDescriptor, TagFromName.BluePaletteColorLookupTableData)};
        int[] desc = DicomAttributes.ints(l, TagFromName.RedPaletteColorLookupTableDescriptor);
        int first = desc.length > 1 ? desc[1] : 0;
        float[] out = new float[3 * n];
        for (int c = 0; c < 3; c++) {
            int[] t = lut[c];
            for (int i = 0; i < n; i++) {
                int idx = (int) Math.max(0, Math.min(t.length - 1, px.value(base + i) - first));
                out[c * n + i] = t.length == 0 ? 0 : t[idx];
            }
        }
        return out;
    }

    private static int[] lut(AttributeList l, com.pixelmed.dicom.AttributeTag descTag,
                             com.pixelmed.dicom.AttributeTag dataTag) {
        int[] desc = DicomAttributes.ints(l, descTag);
        int bits = desc.length > 2 ? desc[2] : 16;
        byte[] raw = DicomAttributes.bytes(l, dataTag);
        int count = bits == 8 && raw.length > 0 && desc.length > 0 && raw.length == (desc[0] == 0 ? 65536 : desc[0])
                ? raw.length : raw.length / 2;
        int[] t = new int[count];
        for (int i = 0; i < count; i++) {
            t[i] = count == raw.length ? raw[i] & 0xff : (raw[2 * i] & 0xff) | (raw[2 * i + 1] & 0xff) << 8;
        }
        return t;
    }
}
