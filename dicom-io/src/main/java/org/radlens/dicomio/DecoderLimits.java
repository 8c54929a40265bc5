package org.radlens.dicomio;

/**
 * What the decoders cannot do, declared up front so that such files fail with {@link UnsupportedFormatException}
 * naming the transfer syntax instead of failing somewhere inside a codec; and the stored-value rule.
 */
public final class DecoderLimits {
    private DecoderLimits() {
    }

    /**
     * Why {@code h} cannot be decoded although its transfer syntax is supported, or null when it can:
     * 12-bit colour JPEG Extended (grey 12-bit decodes with {@link JpegExtendedDecoder}).
     */
    public static String limitation(DicomHeader h) {
        TransferSyntax t = h.syntax();
        if (t == TransferSyntax.JPEG_EXTENDED && h.bitsStored() > 8 && h.samplesPerPixel() != 1) {
            return "12-bit colour JPEG Extended is not supported";
        }
        return null;
    }

    /**
     * The value of a stored sample per BitsStored: bits above BitsStored are ignored, and for signed data bit
     * BitsStored−1 is the sign (PS3.5 8.1.1). {@link DicomPixels} keep the container value (as pydicom 2.3 does);
     * images apply this rule.
     */
    public static long stored(long container, DicomHeader h) {
        int bits = h.bitsStored();
        if (bits <= 0 || bits >= h.bitsAllocated() || bits >= 32) {
            return container;
        }
        long masked = container & ((1L << bits) - 1);
        return h.signed() && (masked >> (bits - 1)) != 0 ? masked - (1L << bits) : masked;
    }
}
