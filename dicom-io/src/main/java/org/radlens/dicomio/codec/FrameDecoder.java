package org.radlens.dicomio.codec;

import java.nio.file.Path;
import org.radlens.dicomio.ImageReadException;

/**
 * Decodes the compressed frames of one transfer syntax. {@link FrameDecoders} keeps them per syntax in the order they
 * are tried: the first whose {@link #accepts} says yes decodes every frame of the object; when none does, the parser
 * (PixelMed, with jai-imageio for JPEG 2000) decompresses during the parse.
 *
 * <pre>{@code
 * FrameDecoder d = TransferSyntax.RLE.frameDecoder(layout).orElseThrow();
 * byte[] frame0 = d.decode(file, compressedFrames[0], layout);
 * }</pre>
 */
public interface FrameDecoder {
    /** What a frame is called in messages, e.g. "RLE frame" in "RLE frame cannot be decoded: …". */
    String frameName();

    /**
     * Whether this decoder takes frames of this layout here (e.g. grey only, or a native library that is loaded);
     * a decoder that declines leaves the frames to the next one.
     */
    boolean accepts(FrameLayout layout);

    /**
     * One compressed frame as native little-endian, pixel-interleaved bytes (PlanarConfiguration 0) of exactly
     * {@link FrameLayout#frameBytes()}.
     *
     * @throws ImageReadException a malformed frame ({@code CorruptFileException}) or a coding the decoder does not
     *                            implement ({@code UnsupportedFormatException}), naming {@code file}
     */
    byte[] decode(Path file, byte[] frame, FrameLayout layout) throws ImageReadException;

    /**
     * {@link #decode} into {@code out[offset .. offset + layout.frameBytes())}; decoders that can write there
     * directly override it (no per-frame copy).
     *
     * @throws ImageReadException as {@link #decode}, and when the frame decodes to another size
     */
    default void decodeInto(Path file, byte[] frame, FrameLayout layout, byte[] out, int offset)
            throws ImageReadException {
        byte[] v = NativeFrames.oneFrame(file, frameName(), decode(file, frame, layout), layout);
        System.arraycopy(v, 0, out, offset, v.length);
    }
}
