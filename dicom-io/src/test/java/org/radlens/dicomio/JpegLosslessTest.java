package org.radlens.dicomio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.codec.GdcmCodec;

/**
 * Our JPEG lossless decoder ({@code codec.JpegLosslessDecoder}, taken for grey JPEG lossless whether GDCM is installed
 * or not) against independent decoders: streams written by dcmtk's {@code dcmcjpeg} from synthetic pixels (selection
 * values 1–7, point transforms, 8/12/16 bits) must decode to those pixels, and to what GDCM and PixelMed decode; the
 * shared data's grey JPEG lossless files must decode as GDCM and PixelMed do. Restart intervals, which dcmcjpeg does
 * not write, are in {@code codec.JpegLosslessDecoderTest}; the realistic workload in {@link NativeImagesTest}.
 */
class JpegLosslessTest {
    private static final int W = 45;
    private static final int H = 23;

    @Test
    void dcmtkEncodedSelectionValuesAndPointTransformsDecodeToTheirPixels(@TempDir Path dir) throws Exception {
        assumeTrue(ExternalTools.onPath("dcmcjpeg"), "dcmtk's dcmcjpeg not installed (Debian dcmtk): skipped");
        int files = 0;
        for (int bits : new int[] {8, 12, 16}) {
            for (int sv = 1; sv <= 7; sv++) {
                for (int pt : new int[] {0, 3}) {
                    int[] px = pixels(bits, 100L * bits + 10 * sv + pt);
                    Path in = dir.resolve("in-" + bits + "-" + sv + "-" + pt + ".dcm");
                    Path out = dir.resolve("jll-" + bits + "-" + sv + "-" + pt + ".dcm");
                    Files.write(in, DicomAttributes.toPart10(film(px, bits)));
                    ExternalTools.Output o = ExternalTools.run("dcmcjpeg", "+el", "+sv", String.valueOf(sv),
                            "+pt", String.valueOf(pt), in.toString(), out.toString());
                    assertEquals(0, o.exit(), o.text());
                    assertEquals(TransferSyntax.JPEG_LOSSLESS, DicomReader.readHeader(out).syntax());
                    byte[] expected = littleEndian(px, bits > 8 ? 2 : 1, pt);
                    String what = bits + " bits, selection value " + sv + ", Pt " + pt;
                    assertArrayEquals(expected, ours(out), what);
                    assertArrayEquals(expected, oursAfterTheParse(out), what + " (after the parse)");
                    Optional<byte[]> gdcm = gdcm(out, expected.length);
                    gdcm.ifPresent(g -> assertArrayEquals(expected, g, what + " (GDCM)"));
                    files++;
                }
            }
        }
        assertEquals(42, files);
    }

    @Test
    void selectionValueOneTransferSyntaxToo(@TempDir Path dir) throws Exception {
        assumeTrue(ExternalTools.onPath("dcmcjpeg"), "dcmtk's dcmcjpeg not installed (Debian dcmtk): skipped");
        int[] px = pixels(16, 7);
        Path in = dir.resolve("in.dcm");
        Path out = dir.resolve("sv1.dcm");
        Files.write(in, DicomAttributes.toPart10(film(px, 16)));
        ExternalTools.Output o = ExternalTools.run("dcmcjpeg", "+e1", in.toString(), out.toString());
        assertEquals(0, o.exit(), o.text());
        assertEquals(TransferSyntax.JPEG_LOSSLESS_SV1, DicomReader.readHeader(out).syntax());
        assertArrayEquals(littleEndian(px, 2, 0), ours(out));
        assertArrayEquals(littleEndian(px, 2, 0), pixelMed(out), "PixelMed");
    }

    /**
     * Restart intervals and 16-bit category-16 differences in a hand-made stream ({@code codec.LosslessStreams}),
     * spliced into a dcmcjpeg-written file of the same size: dcmtk's decoder ({@code dcmdjpeg}) and GDCM read the
     * pixels back as ours does, so the hand-made stream and our reading of it are not a private convention.
     */
    @Test
    void handMadeRestartIntervalsDecodeAsDcmtkDecodesThem(@TempDir Path dir) throws Exception {
        assumeTrue(ExternalTools.onPath("dcmcjpeg") && ExternalTools.onPath("dcmdjpeg"),
                "dcmtk's dcmcjpeg / dcmdjpeg not installed (Debian dcmtk): skipped");
        for (int restartRows : new int[] {1, 5}) {
            int[] px = pixels(16, 40 + restartRows);
            Path in = dir.resolve("in.dcm");
            Path sv1 = dir.resolve("sv1.dcm");
            Files.write(in, DicomAttributes.toPart10(film(px, 16)));
            assertEquals(0, ExternalTools.run("dcmcjpeg", "+e1", in.toString(), sv1.toString()).exit());
            Path spliced = dir.resolve("restart-" + restartRows + ".dcm");
            byte[] stream = org.radlens.dicomio.codec.LosslessStreams.encode(px, W, H, 16, restartRows);
            Files.write(spliced, withFrame(Files.readAllBytes(sv1), stream));
            Path plain = dir.resolve("dcmtk-" + restartRows + ".dcm");
            ExternalTools.Output o = ExternalTools.run("dcmdjpeg", spliced.toString(), plain.toString());
            assertEquals(0, o.exit(), o.text());
            byte[] expected = littleEndian(px, 2, 0);
            assertArrayEquals(expected, pixelMed(plain), "dcmdjpeg, restart every " + restartRows + " rows");
            assertArrayEquals(expected, ours(spliced), "ours, restart every " + restartRows + " rows");
            gdcm(spliced, expected.length).ifPresent(g -> assertArrayEquals(expected, g, "GDCM"));
        }
    }

    /** {@code file} (one frame in one fragment) with that fragment replaced by {@code frame}. */
    private static byte[] withFrame(byte[] file, byte[] frame) {
        int soi = 0;
        while (!((file[soi] & 0xff) == 0xff && (file[soi + 1] & 0xff) == 0xd8 && (file[soi + 2] & 0xff) == 0xff)) {
            soi++;
        }
        int itemEnd = soi + (int) java.nio.ByteBuffer.wrap(file, soi - 4, 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] value = java.util.Arrays.copyOf(frame, frame.length + (frame.length & 1));
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(file.length - (itemEnd - soi) + value.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        out.put(file, 0, soi - 4).putInt(value.length).put(value).put(file, itemEnd, file.length - itemEnd);
        return out.array();
    }

    @Test
    void sharedDataGreyJpegLosslessFilesDecodeAsGdcmAndPixelMedDo() throws Exception {
        Path root = TestData.root();
        int compared = 0;
        for (String f : List.of("dicom/pydicom-data/JPEG-LL.dcm", "dicom/pydicom-data/JPGLosslessP14SV1_1s_1f_8b.dcm",
                "dicom/pydicom-data/bad_sequence.dcm")) {
            Path p = root.resolve(f);
            if (!Files.isRegularFile(p) || !DicomReader.readHeader(p).layout().greyBytes()) {
                continue;
            }
            byte[] ours = ours(p);
            assertArrayEquals(pixelMed(p), ours, f + " (PixelMed)");
            gdcm(p, ours.length).ifPresent(g -> assertArrayEquals(g, ours, f + " (GDCM)"));
            compared++;
        }
        assertTrue(compared >= 2, "grey JPEG lossless files compared: " + compared);
    }

    /** Our direct path: decoded frames as the DicomFile's native bytes (offset 0), no parse of the pixel data. */
    static byte[] ours(Path p) throws ImageReadException {
        DicomFile f = DicomFile.openForImages(p, true);
        assertNotNull(f.raw, "our file-level JPEG lossless path taken: " + p);
        assertEquals(0, f.rawOffset);
        return f.raw;
    }

    /** The parse path (as {@code DicomReader.readPixels}): our decoder behind the registry, Pixel Data replaced. */
    private static byte[] oursAfterTheParse(Path p) throws Exception {
        return bytes(DicomFile.open(p, true).list.get(TagFromName.PixelData));
    }

    static Optional<byte[]> gdcm(Path p, int length) {
        return GdcmCodec.find().map(g -> g.decode(p, length));
    }

    /** PixelMed's own decompression (its lossless JPEG reader), as the parser used before our decoder. */
    static byte[] pixelMed(Path p) throws Exception {
        AttributeList l = new AttributeList();
        l.setDecompressPixelData(true);
        try (DicomInputStream in = new DicomInputStream(new BufferedInputStream(Files.newInputStream(p)))) {
            l.read(in);
        }
        return bytes(l.get(TagFromName.PixelData));
    }

    private static byte[] bytes(Attribute a) throws Exception {
        if (!(a instanceof OtherWordAttribute)) {
            return a.getByteValues();
        }
        short[] s = a.getShortValues();
        byte[] out = new byte[s.length * 2];
        for (int i = 0; i < s.length; i++) {
            out[2 * i] = (byte) s[i];
            out[2 * i + 1] = (byte) (s[i] >> 8);
        }
        return out;
    }

    /** Smooth ramps, noise and full-range jumps (16 bits: differences of 32768, category 16). */
    private static int[] pixels(int bits, long seed) {
        java.util.Random r = new java.util.Random(seed);
        int max = (1 << bits) - 1;
        int[] px = new int[W * H];
        for (int i = 0; i < px.length; i++) {
            int x = i % W;
            int y = i / W;
            px[i] = i % 13 == 0 ? r.nextInt(max + 1) : Math.min(max, x * 5 + y * 9 + r.nextInt(9));
        }
        if (bits == 16) {
            px[0] = 0;
            px[1] = 32768;
            px[W] = 65535;
            px[W + 1] = 32767;
        }
        return px;
    }

    private static byte[] littleEndian(int[] px, int bytes, int pt) {
        byte[] out = new byte[px.length * bytes];
        for (int i = 0; i < px.length; i++) {
            int v = px[i] >> pt << pt;
            out[i * bytes] = (byte) v;
            if (bytes == 2) {
                out[i * 2 + 1] = (byte) (v >> 8);
            }
        }
        return out;
    }

    private static AttributeList film(int[] px, int bits) throws Exception {
        AttributeList l = new AttributeList();
        DicomAttributes.put(l, TagFromName.SOPClassUID, SOPClass.SecondaryCaptureImageStorage);
        DicomAttributes.put(l, TagFromName.SOPInstanceUID, "1.2.826.0.1.3680043.10.1.1");
        DicomAttributes.put(l, TagFromName.StudyInstanceUID, "1.2.826.0.1.3680043.10.1.2");
        DicomAttributes.put(l, TagFromName.SeriesInstanceUID, "1.2.826.0.1.3680043.10.1.3");
        DicomAttributes.put(l, TagFromName.Modality, "OT");
        DicomAttributes.put(l, TagFromName.SamplesPerPixel, 1);
        DicomAttributes.put(l, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        DicomAttributes.put(l, TagFromName.Rows, H);
        DicomAttributes.put(l, TagFromName.Columns, W);
        int allocated = bits > 8 ? 16 : 8;
        DicomAttributes.put(l, TagFromName.BitsAllocated, allocated);
        DicomAttributes.put(l, TagFromName.BitsStored, bits);
        DicomAttributes.put(l, TagFromName.HighBit, bits - 1);
        DicomAttributes.put(l, TagFromName.PixelRepresentation, 0);
        if (allocated == 16) {
            short[] s = new short[px.length];
            for (int i = 0; i < px.length; i++) {
                s[i] = (short) px[i];
            }
            OtherWordAttribute a = new OtherWordAttribute(TagFromName.PixelData);
            a.setValues(s);
            l.put(a);
        } else {
            byte[] b = new byte[px.length];
            for (int i = 0; i < px.length; i++) {
                b[i] = (byte) px[i];
            }
            com.pixelmed.dicom.OtherByteAttribute a = new com.pixelmed.dicom.OtherByteAttribute(TagFromName.PixelData);
            a.setValues(b);
            l.put(a);
        }
        return l;
    }
}
