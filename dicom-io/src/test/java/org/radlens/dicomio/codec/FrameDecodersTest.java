package org.radlens.dicomio.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.radlens.dicomio.TransferSyntax;

class FrameDecodersTest {

    private static FrameLayout layout(TransferSyntax t, int samples, int bits) {
        return new FrameLayout(t.uid(), 4, 4, samples, bits, bits == 16 ? 12 : bits, 1,
                samples == 1 ? "MONOCHROME2" : "RGB");
    }

    @Test
    void eachOfOurSyntaxesHasItsDecoder() {
        assertSame(FrameDecoders.RLE, TransferSyntax.RLE.frameDecoder(layout(TransferSyntax.RLE, 3, 16)).orElseThrow());
        assertSame(FrameDecoders.JPEG_LS, TransferSyntax.JPEG_LS_LOSSLESS
                .frameDecoder(layout(TransferSyntax.JPEG_LS_LOSSLESS, 1, 16)).orElseThrow());
        assertSame(FrameDecoders.JPEG_LS, TransferSyntax.JPEG_LS_NEAR_LOSSLESS
                .frameDecoder(layout(TransferSyntax.JPEG_LS_NEAR_LOSSLESS, 3, 8)).orElseThrow());
        assertSame(FrameDecoders.JPEG_LOSSLESS_GREY, TransferSyntax.JPEG_LOSSLESS_SV1
                .frameDecoder(layout(TransferSyntax.JPEG_LOSSLESS_SV1, 1, 16)).orElseThrow());
        assertEquals("RLE frame", FrameDecoders.RLE.frameName());
    }

    @Test
    void jpegExtendedIsOursForGreyAndTheParsersForColour() {
        assertSame(FrameDecoders.JPEG_EXTENDED_GREY, TransferSyntax.JPEG_EXTENDED
                .frameDecoder(layout(TransferSyntax.JPEG_EXTENDED, 1, 16)).orElseThrow());
        assertEquals(Optional.empty(), TransferSyntax.JPEG_EXTENDED
                .frameDecoder(layout(TransferSyntax.JPEG_EXTENDED, 3, 8)));
    }

    @Test
    void syntaxesTheParserDecodesHaveNone() {
        for (TransferSyntax t : new TransferSyntax[] {TransferSyntax.EXPLICIT_LE, TransferSyntax.JPEG_BASELINE,
                TransferSyntax.JPEG2000, TransferSyntax.JPEG2000_LOSSLESS}) {
            assertTrue(FrameDecoders.of(t).isEmpty(), t.name());
            assertEquals(Optional.empty(), t.frameDecoder(layout(t, 1, 16)), t.name());
        }
    }
}
