package org.radlens.dicomio.codec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.TransferSyntax;

/**
 * The registry of our frame decoders, keyed by transfer syntax: for each syntax the decoders in the order they are
 * tried; the first that {@linkplain FrameDecoder#accepts accepts} the object's layout decodes it. A syntax without an
 * accepting decoder is decompressed by the parser itself (PixelMed; jai-imageio for JPEG 2000), within the limits
 * that {@code DecoderLimits} declares.
 *
 * <p>To add a decoder (e.g. a native one for JPEG 2000), add it to {@link #TABLE} before the decoders it should be
 * preferred to, with an {@code accepts} that says no when it cannot run here (library absent, layout it does not
 * implement), so that the next one, or the parser, takes over.
 *
 * <pre>{@code
 * Optional<FrameDecoder> d = FrameDecoders.choose(TransferSyntax.JPEG_EXTENDED, layout); // grey: ours; colour: empty
 * }</pre>
 */
public final class FrameDecoders {
    /** Our RLE Lossless decoder (8, 16 and 32 bits, grey and colour). */
    public static final FrameDecoder RLE = new Entry("RLE frame", l -> true, RleDecoder::decode);
    /** Our JPEG-LS decoder (T.87: ILV 0/1/2, 2–16 bits; no mapping tables). */
    public static final FrameDecoder JPEG_LS = new Entry("compressed frame", l -> true, (file, frame, l) -> {
        NativeFrames.requireBytes(file, l);
        return JpegLsDecoder.decode(file, l.transferSyntaxUid(), frame, l.columns(), l.rows(), l.samplesPerPixel(),
                l.bitsAllocated() / 8);
    });
    /** Our 8/12-bit sequential DCT decoder, grey only (colour JPEG Extended goes to the parser's JPEG reader). */
    public static final FrameDecoder JPEG_EXTENDED_GREY = new Entry("compressed frame", l -> l.samplesPerPixel() == 1,
            (file, frame, l) -> {
                NativeFrames.requireBytes(file, l);
                return NativeFrames.littleEndian(file, l, JpegExtendedDecoder.decode(file, l.transferSyntaxUid(),
                        frame, l.columns(), l.rows()));
            });

    /**
     * Our lossless JPEG decoder (process 14, selection values 1–7), grey only (colour JPEG lossless goes to the
     * parser's reader); decodes straight into the caller's output.
     */
    public static final FrameDecoder JPEG_LOSSLESS_GREY = new Lossless();

    /** Per syntax, the decoders in the order they are tried. */
    private static final Map<TransferSyntax, List<FrameDecoder>> TABLE = Map.of(
            TransferSyntax.RLE, List.of(RLE),
            TransferSyntax.JPEG_LS_LOSSLESS, List.of(JPEG_LS),
            TransferSyntax.JPEG_LS_NEAR_LOSSLESS, List.of(JPEG_LS),
            TransferSyntax.JPEG_EXTENDED, List.of(JPEG_EXTENDED_GREY),
            TransferSyntax.JPEG_LOSSLESS, List.of(JPEG_LOSSLESS_GREY),
            TransferSyntax.JPEG_LOSSLESS_SV1, List.of(JPEG_LOSSLESS_GREY));

    private FrameDecoders() {
    }

    /** The decoders registered for {@code syntax}, in the order they are tried (empty: the parser decodes it). */
    public static List<FrameDecoder> of(TransferSyntax syntax) {
        return TABLE.getOrDefault(syntax, List.of());
    }

    /** The first decoder of {@code syntax} that accepts {@code layout}; empty when the parser decompresses it. */
    public static Optional<FrameDecoder> choose(TransferSyntax syntax, FrameLayout layout) {
        return of(syntax).stream().filter(d -> d.accepts(layout)).findFirst();
    }

    /** One frame → native bytes. */
    @FunctionalInterface
    private interface Codec {
        byte[] decode(Path file, byte[] frame, FrameLayout layout) throws ImageReadException;
    }

    /** {@link JpegLosslessDecoder}: writes into the caller's array, so {@link #decodeInto} is its own. */
    private static final class Lossless implements FrameDecoder {
        @Override
        public String frameName() {
            return "JPEG lossless frame";
        }

        @Override
        public boolean accepts(FrameLayout layout) {
            return layout.samplesPerPixel() == 1;
        }

        @Override
        public byte[] decode(Path file, byte[] frame, FrameLayout layout) throws ImageReadException {
            byte[] out = new byte[layout.frameBytes()];
            JpegLosslessDecoder.decode(file, frame, layout, out, 0);
            return out;
        }

        @Override
        public void decodeInto(Path file, byte[] frame, FrameLayout layout, byte[] out, int offset)
                throws ImageReadException {
            JpegLosslessDecoder.decode(file, frame, layout, out, offset);
        }
    }

    /** A decoder from its parts. */
    private record Entry(String frameName, Predicate<FrameLayout> accepting, Codec codec) implements FrameDecoder {
        @Override
        public boolean accepts(FrameLayout layout) {
            return accepting.test(layout);
        }

        @Override
        public byte[] decode(Path file, byte[] frame, FrameLayout layout) throws ImageReadException {
            return codec.decode(file, frame, layout);
        }
    }
}
