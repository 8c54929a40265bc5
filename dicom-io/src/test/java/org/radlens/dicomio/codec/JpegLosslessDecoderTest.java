package org.radlens.dicomio.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.radlens.dicomio.CorruptFileException;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.TransferSyntax;
import org.radlens.dicomio.UnsupportedFormatException;

/**
 * {@link JpegLosslessDecoder} on hand-made streams ({@link LosslessStreams}): restart intervals, 16-bit precision with
 * difference category 16, 8-bit output, and every kind of bad input it must name the file for. The dcmtk-encoded
 * streams (selection values 2–7, point transforms) are in {@code JpegLosslessTest}.
 */
class JpegLosslessDecoderTest {
    private static final Path FILE = Path.of("synthetic.dcm");
    private static final int W = 37;
    private static final int H = 29;

    static int[] pixels(int precision, long seed) {
        Random r = new Random(seed);
        int max = (1 << precision) - 1;
        int[] px = new int[W * H];
        for (int i = 0; i < px.length; i++) {
            int smooth = (i % W) * 7 + (i / W) * 3 + r.nextInt(5);
            px[i] = i % 11 == 0 ? r.nextInt(max + 1) : Math.min(max, smooth);
        }
        if (precision == 16) { // the initial prediction 32768, then 0, 32768: differences of exactly 32768
            px[0] = 0;
            px[1] = 32768;
            px[2] = 0;
            px[3] = 65535;
        }
        return px;
    }

    private static FrameLayout layout(int bitsAllocated, int bitsStored) {
        return new FrameLayout(TransferSyntax.JPEG_LOSSLESS.uid(), H, W, 1, bitsAllocated, bitsStored, 1,
                "MONOCHROME2");
    }

    static byte[] littleEndian(int[] px, int bytes) {
        byte[] out = new byte[px.length * bytes];
        for (int i = 0; i < px.length; i++) {
            out[i * bytes] = (byte) px[i];
            if (bytes == 2) {
                out[i * 2 + 1] = (byte) (px[i] >> 8);
            }
        }
        return out;
    }

    private static byte[] decode(byte[] stream, FrameLayout l) throws ImageReadException {
        byte[] out = new byte[l.frameBytes()];
        JpegLosslessDecoder.decode(FILE, stream, l, out, 0);
        return out;
    }

    @Test
    void decodesRestartIntervalsAndSixteenBitsWithCategorySixteen() throws Exception {
        for (int precision : new int[] {16, 12, 8}) {
            for (int restartRows : new int[] {0, 1, 4, 7}) {
                int[] px = pixels(precision, precision * 31L + restartRows);
                FrameLayout l = layout(precision > 8 ? 16 : 8, precision);
                byte[] stream = LosslessStreams.encode(px, W, H, precision, restartRows);
                assertArrayEquals(littleEndian(px, l.bytesPerSample()), decode(stream, l),
                        precision + " bits, restart every " + restartRows + " rows");
            }
        }
    }

    @Test
    void isTheRegisteredDecoderForGreyJpegLosslessOnly() {
        for (TransferSyntax t : new TransferSyntax[] {TransferSyntax.JPEG_LOSSLESS, TransferSyntax.JPEG_LOSSLESS_SV1}) {
            FrameLayout grey = new FrameLayout(t.uid(), 4, 4, 1, 16, 12, 1, "MONOCHROME2");
            FrameLayout rgb = new FrameLayout(t.uid(), 4, 4, 3, 8, 8, 1, "RGB");
            assertSame(FrameDecoders.JPEG_LOSSLESS_GREY, t.frameDecoder(grey).orElseThrow(), t.name());
            assertTrue(t.frameDecoder(rgb).isEmpty(), t.name() + ": colour stays with the parser");
        }
    }

    @Test
    void truncatedDataAreCorruptAndNameTheFile() {
        byte[] stream = LosslessStreams.encode(pixels(12, 1), W, H, 12, 0);
        byte[] cut = Arrays.copyOf(stream, stream.length / 2);
        assertNamed(assertThrows(CorruptFileException.class, () -> decode(cut, layout(16, 12))), "end early");
        byte[] restarts = LosslessStreams.encode(pixels(12, 1), W, H, 12, 5);
        int rst = indexOf(restarts, (byte) 0xd0);
        byte[] cutBeforeRestart = Arrays.copyOf(restarts, rst - 3);
        assertNamed(assertThrows(CorruptFileException.class, () -> decode(cutBeforeRestart, layout(16, 12))),
                "restart");
    }

    @Test
    void anInvalidHuffmanCodeIsCorrupt() {
        byte[] stream = LosslessStreams.encode(pixels(12, 2), W, H, 12, 0);
        int data = indexOf(stream, (byte) 0xda) + 9; // SOS: marker byte, length 8, then the data
        stream[data] = (byte) 0xff; // 11111: code 31, no category has it
        stream[data + 1] = 0;
        assertNamed(assertThrows(CorruptFileException.class, () -> decode(stream, layout(16, 12))),
                "invalid Huffman code");
    }

    @Test
    void aMissingHuffmanTableIsCorrupt() {
        byte[] stream = LosslessStreams.encode(pixels(12, 3), W, H, 12, 0);
        int dht = indexOf(stream, (byte) 0xc4);
        stream[dht] = (byte) 0xfe; // the DHT segment becomes an APP14 segment, skipped
        assertNamed(assertThrows(CorruptFileException.class, () -> decode(stream, layout(16, 12))),
                "not defined");
    }

    @Test
    void acTablesAreSkippedButADcTableWithCategoryAboveSixteenIsCorrupt() throws Exception {
        int[] px = pixels(12, 6);
        byte[] stream = LosslessStreams.encode(px, W, H, 12, 0);
        byte[] ac = withTableAfterSoi(stream, 0x10, 0xf0); // class 1 (AC), run/size symbol 0xF0: not ours to use
        assertArrayEquals(littleEndian(px, 2), decode(ac, layout(16, 12)));
        byte[] bad = withTableAfterSoi(stream, 0x01, 17); // class 0, table 1: category 17 does not exist
        assertNamed(assertThrows(CorruptFileException.class, () -> decode(bad, layout(16, 12))), "Huffman table");
    }

    /** {@code stream} with a DHT of one 1-bit code ({@code symbol}, class/id byte {@code tcTh}) right after SOI. */
    private static byte[] withTableAfterSoi(byte[] stream, int tcTh, int symbol) {
        byte[] dht = new byte[4 + 1 + 16 + 1];
        dht[0] = (byte) 0xff;
        dht[1] = (byte) 0xc4;
        dht[3] = (byte) (dht.length - 2);
        dht[4] = (byte) tcTh;
        dht[5] = 1;
        dht[21] = (byte) symbol;
        byte[] out = new byte[stream.length + dht.length];
        System.arraycopy(stream, 0, out, 0, 2);
        System.arraycopy(dht, 0, out, 2, dht.length);
        System.arraycopy(stream, 2, out, 2 + dht.length, stream.length - 2);
        return out;
    }

    @Test
    void otherJpegProcessesAndColourAreUnsupported() {
        byte[] stream = LosslessStreams.encode(pixels(12, 4), W, H, 12, 0);
        for (int sof : new int[] {0xc0, 0xc1, 0xc7, 0xcb, 0xde}) {
            byte[] other = stream.clone();
            other[indexOf(other, (byte) 0xc3)] = (byte) sof;
            assertNamed(assertThrows(UnsupportedFormatException.class, () -> decode(other, layout(16, 12))),
                    "SOF");
        }
        byte[] rgb = stream.clone();
        rgb[indexOf(rgb, (byte) 0xc3) + 8] = 3; // Nf
        assertNamed(assertThrows(UnsupportedFormatException.class, () -> decode(rgb, layout(16, 12))),
                "components");
    }

    @Test
    void aFrameThatDisagreesWithThePixelModuleIsCorrupt() {
        byte[] stream = LosslessStreams.encode(pixels(12, 5), W, H, 12, 0);
        FrameLayout wider = new FrameLayout(TransferSyntax.JPEG_LOSSLESS.uid(), H, W + 1, 1, 16, 12, 1,
                "MONOCHROME2");
        assertNamed(assertThrows(CorruptFileException.class, () -> decode(stream, wider)), "pixel module");
        byte[] sixteen = LosslessStreams.encode(pixels(16, 5), W, H, 16, 0);
        assertNamed(assertThrows(CorruptFileException.class, () -> decode(sixteen, layout(8, 8))), "BitsAllocated");
        assertNamed(assertThrows(CorruptFileException.class, () -> decode(new byte[] {1, 2, 3, 4}, layout(16, 12))),
                "SOI");
    }

    private static void assertNamed(ImageReadException e, String what) {
        assertTrue(e.getMessage().contains(FILE.toString()) && e.getMessage().contains(what), e.getMessage());
    }

    /** The first marker {@code 0xFF code} of a stream: the index of {@code code}. */
    private static int indexOf(byte[] b, byte code) {
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] == (byte) 0xff && b[i + 1] == code) {
                return i + 1;
            }
        }
        throw new AssertionError("no marker " + Integer.toHexString(code & 0xff));
    }
}
