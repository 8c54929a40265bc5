package org.radlens.dicomio;

import java.nio.file.Path;
import org.radlens.dicomio.codec.EncapsulatedFrames;
import org.radlens.dicomio.codec.FrameDecoder;
import org.radlens.dicomio.codec.NativeFrames;

/**
 * Compressed grey 8/16-bit frames decoded for images into one native little-endian array, which {@link GreyFrames}
 * converts to the float frame like uncompressed pixels: through GDCM when it is installed and takes the syntax
 * ({@link NativeImages}), else by our frame decoder for the syntax (RLE, JPEG-LS, grey JPEG Extended). Issue 15, peak
 * heap of scoring a film: the decoded frames are never held twice (no Pixel Data attribute, no int-per-sample copy),
 * and the file's bytes are let go before decoding begins (GDCM reads the file by path itself; our decoders once the
 * compressed frames are cut out of them), so the peak is the decoded array plus the float frame (3× the pixel bytes).
 * Anything else (no decoder here, a header outside the decoders' limits, a frame that fails) gives null, and the
 * whole-file path decodes the file as before and names the fault.
 */
final class CompressedGrey {
    private CompressedGrey() {
    }

    /**
     * The decoded frames of {@code path}, or null when this path does not apply or decoding failed.
     *
     * @param h           the header, parsed without the pixel data
     * @param scan        the prescan of the whole file
     * @param file        holds the only reference to the file's bytes, which this sets to null as soon as they are no
     *                    longer needed (on return it may or may not be null)
     * @param allowNative whether GDCM may decode it
     */
    static byte[] decode(Path path, DicomHeader h, DicomPrescan.Result scan, byte[][] file, boolean allowNative) {
        TransferSyntax t = TransferSyntax.byUid(scan.transferSyntaxUid());
        if (allowNative && NativeImages.handles(t)) {
            file[0] = null;
            return NativeImages.decode(path, h, scan.encapsulatedOffset() >= 0);
        }
        if (t == null || !t.decodable() || scan.encapsulatedOffset() < 0 || !applies(h, scan)) {
            return null;
        }
        FrameDecoder ours = t.frameDecoder(scan.layout()).orElse(null);
        if (ours == null) {
            return null;
        }
        try {
            byte[][] frames = EncapsulatedFrames.frames(path, file[0], scan.encapsulatedOffset(), h.frames());
            file[0] = null;
            return NativeFrames.decodeAll(path, h.layout(), frames, ours);
        } catch (ImageReadException e) { // the whole-file path decodes it again and reports the cause
            return null;
        }
    }

    /** Grey 8/16-bit within the decoder limits, the header agreeing with the prescan (else: the whole-file path). */
    private static boolean applies(DicomHeader h, DicomPrescan.Result scan) {
        return h.layout().greyBytes() && h.layout().equals(scan.layout()) && h.rows() > 0 && h.columns() > 0
                && h.frames() >= 1 && h.frames() <= 100_000 && h.bitsStored() > 0
                && h.bitsStored() <= h.bitsAllocated() && h.decodedBytes() <= DicomFile.MAX_DECODED_BYTES
                && DecoderLimits.limitation(h) == null;
    }
}
