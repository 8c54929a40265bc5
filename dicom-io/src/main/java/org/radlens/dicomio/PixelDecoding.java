package org.radlens.dicomio;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;

/** Turns PixelMed's (already decompressed) Pixel Data into {@link DicomPixels}. */
final class PixelDecoding {
    private PixelDecoding() {
    }

    static DicomPixels decode(DicomFile f) throws ImageReadException {
        DicomHeader h = f.header;
        Attribute px = f.list.get(TagFromName.PixelData);
        if (px == null) {
            return reals(f);
        }
        int[] fast = fastPath(f, px);
        if (fast != null) {
            return new DicomPixels(h, fast);
        }
        byte[] raw;
        boolean bigEndian = TransferSyntax.EXPLICIT_BE.uid().equals(h.transferSyntaxUid());
        try {
            // 8-bit data in an OW element of a big-endian file are stored byte for byte (as pydicom reads them)
            raw = px.getByteValues(bigEndian && h.bitsAllocated() <= 8);
        } catch (DicomException | RuntimeException e) {
            throw new CorruptFileException(f.path, "cannot get pixel data: " + ReadFailures.describe(e), e);
        }
        int bytes = h.bitsAllocated() / 8;
        long n = (long) h.rows() * h.columns() * h.frames() * h.samplesPerPixel();
        if (h.bitsAllocated() == 1) {
            return new DicomPixels(h, unpackBits(f, raw, n));
        }
        if (raw != null && bytes == 1 && "YBR_FULL_422".equals(h.photometric()) && raw.length < n && raw.length >= n * 2 / 3) {
            raw = expand422(raw, (int) (n / 3));
        }
        if (raw == null || raw.length < n * bytes) {
            throw new CorruptFileException(f.path, "pixel data has " + (raw == null ? 0 : raw.length)
                    + " bytes, the pixel module needs " + n * bytes);
        }
        int[] v = new int[(int) n];
        boolean wordSwap = bytes == 4 && bigEndian;
        int shift = 32 - 8 * bytes;
        for (int i = 0; i < v.length; i++) {
            int x = read(raw, i * bytes, bytes, wordSwap);
            v[i] = h.signed() ? (x << shift) >> shift : x; // the container's own sign, as pydicom
        }
        signExtendCodecSamples(h, v);
        if (h.samplesPerPixel() == 3 && h.planarConfiguration() == 1) {
            v = interleave(v, h.frames(), h.rows() * h.columns());
        }
        return new DicomPixels(h, v);
    }

    /**
     * Little-endian (or decompressed) 8-bit OB and 16-bit OW grey data straight from PixelMed's own arrays, without
     * the byte copy of the general path; null when not applicable.
     */
    private static int[] fastPath(DicomFile f, Attribute px) throws CorruptFileException {
        DicomHeader h = f.header;
        boolean bigEndian = TransferSyntax.EXPLICIT_BE.uid().equals(h.transferSyntaxUid());
        if (bigEndian || h.samplesPerPixel() != 1) {
            return null;
        }
        long n = (long) h.rows() * h.columns() * h.frames();
        try {
            if (h.bitsAllocated() == 8 && px instanceof com.pixelmed.dicom.OtherByteAttribute) {
                byte[] b = px.getByteValues();
                if (b == null || b.length < n) {
                    return null;
                }
                int[] v = new int[(int) n];
                for (int i = 0; i < v.length; i++) {
                    v[i] = h.signed() ? b[i] : b[i] & 0xff;
                }
                return v;
            }
            if (h.bitsAllocated() == 16 && px instanceof com.pixelmed.dicom.OtherWordAttribute) {
                short[] s = px.getShortValues();
                if (s == null || s.length < n) {
                    return null;
                }
                int[] v = new int[(int) n];
                for (int i = 0; i < v.length; i++) {
                    v[i] = h.signed() ? s[i] : s[i] & 0xffff;
                }
                return signExtendCodecSamples(h, v);
            }
            return null;
        } catch (DicomException | RuntimeException e) {
            throw new CorruptFileException(f.path, "cannot get pixel data: " + ReadFailures.describe(e), e);
        }
    }

    private static int[] signExtendCodecSamples(DicomHeader h, int[] v) {
        boolean j2k = h.syntax() == TransferSyntax.JPEG2000 || h.syntax() == TransferSyntax.JPEG2000_LOSSLESS;
        if (h.signed() && j2k && h.bitsStored() < h.bitsAllocated()) { // as GDCM does for JPEG 2000
            for (int i = 0; i < v.length; i++) { // codecs deliver BitsStored-bit samples: extend their sign
                v[i] = (int) DecoderLimits.stored(v[i], h);
            }
        }
        return v;
    }

    /** Float (OF) or Double Float (OD) Pixel Data. */
    private static DicomPixels reals(DicomFile f) throws ImageReadException {
        DicomHeader h = f.header;
        long n = (long) h.rows() * h.columns() * h.frames() * h.samplesPerPixel();
        try {
            Attribute of = f.list.get(TagFromName.FloatPixelData);
            double[] v = of != null ? toDoubles(of.getFloatValues()) : f.list.get(TagFromName.DoubleFloatPixelData)
                    .getDoubleValues();
            if (v == null || v.length < n) {
                throw new CorruptFileException(f.path, "float pixel data has " + (v == null ? 0 : v.length)
                        + " values, the pixel module needs " + n);
            }
            return new DicomPixels(h, new int[0], java.util.Arrays.copyOf(v, (int) n));
        } catch (DicomException | RuntimeException e) {
            throw new CorruptFileException(f.path, "cannot get float pixel data: " + ReadFailures.describe(e), e);
        }
    }

    private static double[] toDoubles(float[] f) {
        if (f == null) {
            return null;
        }
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** BitsAllocated 1 (segmentations, overlays-as-images): bits packed LSB first, continuous across frames. */
    private static int[] unpackBits(DicomFile f, byte[] raw, long n) throws CorruptFileException {
        if (raw == null || raw.length * 8L < n) {
            throw new CorruptFileException(f.path, "1-bit pixel data has " + (raw == null ? 0 : raw.length)
                    + " bytes, the pixel module needs " + (n + 7) / 8);
        }
        int[] v = new int[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (raw[i >>> 3] >>> (i & 7)) & 1;
        }
        return v;
    }

    private static int read(byte[] b, int p, int bytes, boolean wordSwap) {
        switch (bytes) {
            case 1:
                return b[p] & 0xff;
            case 2:
                return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
            default:
                int lo = (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
                int hi = (b[p + 2] & 0xff) | (b[p + 3] & 0xff) << 8;
                return wordSwap ? lo << 16 | hi : hi << 16 | lo;
        }
    }

    /** Uncompressed YBR_FULL_422: each pair of pixels is stored as Y1 Y2 Cb Cr; expand to Y Cb Cr per pixel. */
    private static byte[] expand422(byte[] raw, int pixels) {
        byte[] out = new byte[pixels * 3];
        for (int p = 0; p + 1 < pixels; p += 2) {
            int s = p * 2;
            out[p * 3] = raw[s];
            out[p * 3 + 1] = raw[s + 2];
            out[p * 3 + 2] = raw[s + 3];
            out[p * 3 + 3] = raw[s + 1];
            out[p * 3 + 4] = raw[s + 2];
            out[p * 3 + 5] = raw[s + 3];
        }
        return out;
    }

    /** Planar (RRR…GGG…BBB…) per frame → pixel-interleaved (RGBRGB…). */
    private static int[] interleave(int[] v, int frames, int pixels) {
        int[] out = new int[v.length];
        for (int f = 0; f < frames; f++) {
            int base = f * pixels * 3;
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < pixels; p++) {
                    out[base + p * 3 + c] = v[base + c * pixels + p];
                }
            }
        }
        return out;
    }
}
