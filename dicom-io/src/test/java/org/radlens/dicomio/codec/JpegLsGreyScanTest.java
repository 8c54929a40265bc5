package org.radlens.dicomio.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JpegLsGreyScan}, the tight loop for lossless one-component scans, gives the bytes of the general
 * {@link JpegLsScan} on seeded random JPEG-LS frames: 2–16 bits, one or three components (one scan each), with and
 * without an LSE preset (MAXVAL not a power of 2, thresholds, a small RESET so contexts halve), one- and two-byte
 * output. The entropy-coded data are random bytes of several densities of 1 bits (with the 7-bit rule after
 * 0xFF), long or cut short: every bit string is a valid scan, so the two decoders meet escape codes and long
 * unary prefixes (few 1 bits), run mode and run interruptions (many 1 bits, flat or clamped rows), 0xFF bytes in
 * the refill window, and the zeros read past the end of the data. The real encoders' streams are compared with
 * GDCM / the manifest in NativeImagesTest and CompressedGreyTest.
 */
class JpegLsGreyScanTest {
    private static final Path FILE = Path.of("random.jls");
    private static final double[] DENSITIES = {0.03, 0.25, 0.5, 0.75, 0.97};

    @Test
    void tightLoopGivesTheGeneralPathsBytesOnRandomFrames() throws Exception {
        Random r = new Random(15);
        int compared = 0;
        for (int precision = 2; precision <= 16; precision++) {
            for (double density : DENSITIES) {
                for (int i = 0; i < 6; i++) {
                    int w = 1 + r.nextInt(i == 0 ? 400 : 70);
                    int h = 1 + r.nextInt(i == 0 ? 30 : 12);
                    assertSame(r, precision, w, h, r.nextInt(3) == 0 ? 3 : 1, density);
                    compared++;
                }
            }
        }
        assertEquals(15 * 5 * 6, compared);
    }

    /** One random frame decoded both ways; bytes are equal, in the frame's description on failure. */
    private static void assertSame(Random r, int precision, int w, int h, int comps, double density)
            throws Exception {
        int[] preset = r.nextBoolean() ? null : preset(r, precision);
        int maxval = preset == null || preset[0] == 0 ? (1 << precision) - 1 : preset[0];
        int bytes = maxval > 255 || r.nextBoolean() ? 2 : 1;
        int dataBytes = r.nextInt(w * h * precision / 6 + 16); // sometimes short of the image: zeros read past it
        byte[] frame = frame(r, precision, w, h, comps, preset, density, dataBytes);
        String what = precision + " bits, " + w + "x" + h + "x" + comps + ", preset "
                + java.util.Arrays.toString(preset) + ", density " + density + ", " + dataBytes + " bytes, " + bytes
                + " bytes a sample";
        byte[] general = JpegLsDecoder.decode(FILE, "1.2.840.10008.1.2.4.80", frame, w, h, comps, bytes, false);
        byte[] tight = JpegLsDecoder.decode(FILE, "1.2.840.10008.1.2.4.80", frame, w, h, comps, bytes, true);
        assertArrayEquals(general, tight, what);
    }

    /** MAXVAL (0: the default), T1, T2, T3, RESET of an LSE segment. */
    private static int[] preset(Random r, int precision) {
        int maxval = r.nextBoolean() ? 0 : 1 + r.nextInt((1 << precision) - 1);
        int top = maxval == 0 ? (1 << precision) - 1 : maxval;
        int t1 = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(Math.max(1, top / 8));
        int t2 = t1 == 0 ? 0 : t1 + r.nextInt(Math.max(1, top / 4));
        int t3 = t2 == 0 ? 0 : Math.min(top, t2 + r.nextInt(Math.max(1, top / 2)));
        return new int[] {maxval, t1, Math.min(t2, top), t3, r.nextBoolean() ? 0 : 3 + r.nextInt(62)};
    }

    /** SOI, SOF55, optional LSE, one SOS (ILV 0, NEAR 0) with random entropy-coded data per component, EOI. */
    static byte[] frame(Random r, int precision, int w, int h, int comps, int[] preset, double density,
                        int dataBytes) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        u16(o, 0xffd8);
        u16(o, 0xfff7);
        u16(o, 8 + 3 * comps);
        o.write(precision);
        u16(o, h);
        u16(o, w);
        o.write(comps);
        for (int c = 1; c <= comps; c++) {
            o.write(c);
            o.write(0x11);
            o.write(0);
        }
        if (preset != null) {
            u16(o, 0xfff8);
            u16(o, 13);
            o.write(1);
            for (int v : preset) {
                u16(o, v);
            }
        }
        for (int c = 1; c <= comps; c++) {
            u16(o, 0xffda);
            u16(o, 8);
            o.write(1);
            o.write(c);
            o.write(0); // no mapping table
            o.write(0); // NEAR
            o.write(0); // ILV
            o.write(0); // point transform
            int last = 0;
            for (int i = 0; i < dataBytes; i++) {
                int v = 0;
                for (int bit = 0; bit < 8; bit++) {
                    v = v << 1 | (r.nextDouble() < density ? 1 : 0);
                }
                v = last == 0xff ? v & 0x7f : v; // after 0xFF a byte carries 7 bits: never a marker
                o.write(v);
                last = v;
            }
            if (last == 0xff) {
                o.write(0);
            }
        }
        u16(o, 0xffd9);
        return o.toByteArray();
    }

    private static void u16(ByteArrayOutputStream o, int v) {
        o.write(v >>> 8);
        o.write(v & 0xff);
    }
}
