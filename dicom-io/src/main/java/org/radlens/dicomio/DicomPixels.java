package org.radlens.dicomio;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Stored pixel values exactly as the file holds them after decompression (no rescale, no colour conversion beyond
 * what the codec does), in pydicom's {@code pixel_array} order: frame, row, column, sample. Signed data are sign
 * extended from BitsStored; unsigned data are kept unmasked. 32-bit unsigned values are stored as their int bit
 * pattern: read them with {@link #value(int)}.
 *
 * @param header  the object's attributes
 * @param samples frames·rows·columns·samplesPerPixel values
 */
public record DicomPixels(DicomHeader header, int[] samples) {

    public DicomPixels {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(samples, "samples");
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
            for (int v : samples) {
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
