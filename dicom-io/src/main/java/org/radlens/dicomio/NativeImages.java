package org.radlens.dicomio;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.radlens.dicomio.codec.GdcmCodec;

/**
 * Grey compressed frames decoded by GDCM's native codecs ({@link GdcmCodec}, when installed) into native
 * little-endian bytes that {@link GreyFrames} converts like uncompressed data: JPEG-LS near-lossless and JPEG 2000,
 * where GDCM (CharLS / OpenJPEG) gives the same values (lossless; lossy JPEG 2000 within the tolerance of the
 * conformance check, see dicom-io/README.md) and JPEG 2000 is faster than our pure-Java decoder. Not JPEG lossless nor
 * JPEG-LS lossless: our {@link org.radlens.dicomio.codec.JpegLosslessDecoder} is several times faster than GDCM's
 * ljpeg, and our {@link org.radlens.dicomio.codec.JpegLsDecoder} about 3× faster than CharLS (thread CPU), on full-size films
 * (measured, dicom-io/README.md), so {@link CompressedGrey} takes them from the registry, GDCM installed or not. Only
 * 8/16-bit MONOCHROME1/2 objects within the decoder limits; anything else, and any file GDCM cannot read, stays on
 * the pure-Java path (which reports the cause).
 */
final class NativeImages {
    private static final Set<TransferSyntax> SYNTAXES = EnumSet.of(TransferSyntax.JPEG_LS_NEAR_LOSSLESS,
            TransferSyntax.JPEG2000_LOSSLESS, TransferSyntax.JPEG2000);

    private NativeImages() {
    }

    /** True when GDCM is installed and takes {@code t}. */
    static boolean handles(TransferSyntax t) {
        return t != null && SYNTAXES.contains(t) && GdcmCodec.find().isPresent();
    }

    /** Every frame's stored values as little-endian bytes, or null when this path does not apply or GDCM fails. */
    static byte[] decode(Path path, DicomHeader h, boolean encapsulated) {
        if (!encapsulated || !h.layout().greyBytes() || h.rows() <= 0 || h.columns() <= 0 || h.frames() < 1
                || h.frames() > 100_000
                || h.decodedBytes() > DicomFile.MAX_DECODED_BYTES || DecoderLimits.limitation(h) != null) {
            return null;
        }
        return GdcmCodec.find().map(g -> g.decode(path, h.decodedBytes())).orElse(null);
    }
}
