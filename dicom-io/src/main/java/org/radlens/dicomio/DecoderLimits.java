package org.radlens.dicomio;

import java.util.Map;
import javax.imageio.ImageIO;
import org.radlens.dicomio.codec.FrameLayout;
import org.radlens.dicomio.codec.JpegExtendedDecoder;

/**
 * What the decoders cannot do, declared up front so that such files fail with {@link UnsupportedFormatException}
 * naming the transfer syntax instead of failing somewhere inside a codec; and the stored-value rule.
 */
public final class DecoderLimits {
    /** The ImageIO format that PixelMed asks for when it decompresses a syntax during the parse. */
    private static final Map<TransferSyntax, String> PARSER_FORMATS = Map.of(
            TransferSyntax.JPEG_BASELINE, "JPEG", TransferSyntax.JPEG_EXTENDED, "JPEG",
            TransferSyntax.JPEG_LOSSLESS, "jpeg-lossless", TransferSyntax.JPEG_LOSSLESS_SV1, "jpeg-lossless",
            TransferSyntax.JPEG2000_LOSSLESS, "JPEG2000", TransferSyntax.JPEG2000, "JPEG2000");

    private DecoderLimits() {
    }

    /**
     * Why {@code h} cannot be decoded although its transfer syntax is supported, or null when it can:
     * 12-bit colour JPEG Extended (grey 12-bit decodes with {@link JpegExtendedDecoder}), or a syntax the parser
     * decompresses without the reader or the sample size it needs.
     */
    public static String limitation(DicomHeader h) {
        return limitation(h.layout());
    }

    /** {@link #limitation(DicomHeader)} for the pixel module the prescan read, before the parse. */
    static String limitation(FrameLayout l) {
        TransferSyntax t = TransferSyntax.byUid(l.transferSyntaxUid());
        if (t == TransferSyntax.JPEG_EXTENDED && l.bitsStored() > 8 && l.samplesPerPixel() != 1) {
            return "12-bit colour JPEG Extended is not supported";
        }
        String format = PARSER_FORMATS.get(t);
        if (format == null || t.frameDecoder(l).isPresent()) {
            return null; // native data, or one of our decoders
        }
        if (!ImageIO.getImageReadersByFormatName(format).hasNext()) {
            return "no decoder: no " + format + " image reader is installed";
        }
        if (l.bitsAllocated() > 16) {
            return "no decoder: compressed data with BitsAllocated " + l.bitsAllocated() + " (8 and 16 are decoded)";
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
