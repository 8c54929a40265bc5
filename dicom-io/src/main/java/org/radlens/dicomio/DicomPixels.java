package org.radlens.dicomio;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Stored pixel values exactly as the file holds them after decompression (no rescale, no colour conversion beyond
 * what the codec does), in pydicom's {@code pixel_array} order: frame, row, column, sample. Like pydicom 2.3, native
 * data keep their container value (signed data sign-extended from the container, bits above BitsStored kept);
 * codec output is sign-extended from BitsStored. 32-bit unsigned values are stored as their int bit pattern: read
 * them with {@link #value(int)}. Float / Double Float Pixel Data are in {@code reals} (then {@code samples} is
 * empty).
 *
 * @param header  the object's attributes
 * @param samples frames·rows·columns·samplesPerPixel integer values
 * @param reals   the values of Float (OF) or Double Float (OD) Pixel Data, else null
 */
public record DicomPixels(DicomHeader header, int[] samples, double[] reals) {

    public DicomPixels {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(samples, "samples");
    }

    /** Integer pixel data. */
    public DicomPixels(DicomHeader header, int[] samples) {
        this(header, samples, null);
    }

    /** Number of values. */
    public int size() {
        return reals != null ? reals.length : samples.length;
    }

    /** Value {@code i} as a double, for integer and float data alike. */
    public double real(int i) {
        return reals != null ? reals[i] : value(i);
    }

    /** Value {@code i} as a long (exact for every supported type). */
    public long value(int i) {
        return header.bitsAllocated() == 32 && !header.signed() ? Integer.toUnsignedLong(samples[i]) : samples[i];
    }

    /** SHA-256 (hex) of the values as little-endian bytes of {@code bytesPerValue} each, like numpy's tobytes(). */
    public String sha256(int bytesPerValue) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[8192 * bytesPerValue];
            int p = 0;
            for (int i = 0; i < size(); i++) {
                long v = reals == null ? samples[i] : bytesPerValue == 4
                        ? Float.floatToRawIntBits((float) reals[i]) : Double.doubleToRawLongBits(reals[i]);
                for (int b = 0; b < bytesPerValue; b++) {
                    buf[p++] = (byte) (v >>> (8 * b));
                }
                if (p == buf.length) {
                    md.update(buf, 0, p);
                    p = 0;
                }
            }
            md.update(buf, 0, p);
            StringBuilder sb = new StringBuilder();
            for (byte x : md.digest()) {
                sb.append(String.format("%02x", x));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
