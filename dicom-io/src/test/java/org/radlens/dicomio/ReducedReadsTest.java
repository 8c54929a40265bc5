package org.radlens.dicomio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.codec.J2kReducedDecoder;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.ReducedImage;

/**
 * {@link DicomReader#readSourcedReduced}: JPEG 2000 films at a reduced resolution (sizes, geometry, values close to the
 * full decode's local means, the modality LUT and MONOCHROME1 as in the full read), and the full read, identical to
 * {@link DicomReader#readSourcedImage}'s, for everything else.
 */
class ReducedReadsTest {
    /** 64×64 MR, JPEG 2000 lossless, 5 decomposition levels (pydicom's fixture, MIT). */
    private static final Path J2K = TestData.fixture("MR_small_jp2klossless.dcm");

    @TempDir
    Path tmp;

    @Test
    void levelsToDiscardKeepsTheLongerSideAtLeastMinSide() {
        assertEquals(3, ReducedReads.levelsToDiscard(2500, 3000, 5, 224)); // 313×375
        assertEquals(2, ReducedReads.levelsToDiscard(2500, 3000, 5, 448)); // 625×750
        assertEquals(3, ReducedReads.levelsToDiscard(3000, 3000, 5, 224)); // 375×375, not 188
        assertEquals(2, ReducedReads.levelsToDiscard(3000, 3000, 2, 16)); // never more than the codestream has
        assertEquals(1, ReducedReads.levelsToDiscard(447, 100, 5, 224)); // ceil(447/2) = 224
        assertEquals(0, ReducedReads.levelsToDiscard(445, 100, 5, 224)); // ceil(445/2) = 223
        assertEquals(0, ReducedReads.levelsToDiscard(64, 64, 5, 1000));
        assertEquals(13, ReducedImage.reducedSize(100, 3));
        assertEquals(12, ReducedImage.reducedSize(96, 3));
    }

    @Test
    void decompositionLevelsAreReadFromTheMainHeader() throws Exception {
        assertEquals(5, J2kReducedDecoder.decompositionLevels(codestream(J2K)));
        assertEquals(-1, J2kReducedDecoder.decompositionLevels(new byte[] {1, 2, 3, 4, 5, 6}));
    }

    @Test
    void reducedJpeg2000HasCeilSizesScaledSpacingAndTheFullDecodesLocalMeans() throws Exception {
        Image2D full = DicomReader.readSourcedImage(J2K).image();
        SourcedReducedImage r = DicomReader.readSourcedReduced(J2K, 16);
        ReducedImage red = r.image();
        assertEquals(2, red.levels());
        assertEquals(4, red.factor());
        assertEquals(64, red.fullWidth());
        assertEquals(64, red.fullHeight());
        assertEquals(16, red.image().width());
        assertEquals(16, red.image().height());
        assertEquals(full.geometry(), red.fullGeometry());
        assertArrayEquals(new double[] {4 * full.geometry().spacing(0), 4 * full.geometry().spacing(1),
            full.geometry().spacing(2)}, red.image().geometry().spacing(), 1e-12);
        assertArrayEquals(full.geometry().origin(), red.image().geometry().origin(), 0);
        assertEquals(full.intensity(), red.image().intensity());
        assertEquals(DicomReader.readSourcedImage(J2K).source().sopInstanceUid(), r.source().sopInstanceUid());
        float[] range = minMax(full.channel(0));
        double meanDiff = meanAbsDiffToBlockMeans(full, red);
        assertTrue(meanDiff < 0.04 * (range[1] - range[0]), "mean |reduced - local mean| " + meanDiff);
        assertEquals(1, DicomReader.readSourcedReduced(J2K, 17).image().levels()); // 16 < 17: one level fewer
    }

    @Test
    void reducedValuesGoThroughTheModalityLutWithMonochrome1FlaggedAndTheWindowKept() throws Exception {
        Path copy = rewritten(J2K, tmp.resolve("m1.dcm"));
        ReducedImage plain = DicomReader.readSourcedReduced(J2K, 16).image();
        ReducedImage mapped = DicomReader.readSourcedReduced(copy, 16).image();
        Image2D fullMapped = DicomReader.readSourcedImage(copy).image();
        assertEquals(2, mapped.levels());
        assertEquals(fullMapped.intensity(), mapped.image().intensity());
        assertEquals(IntensityInfo.Photometric.MONOCHROME1, mapped.image().intensity().photometric());
        assertTrue(mapped.image().intensity().defaultWindow().isPresent());
        float[] p = plain.image().channel(0);
        float[] m = mapped.image().channel(0);
        for (int i = 0; i < p.length; i++) {
            assertEquals(2 * p[i] - 1000, m[i], 0, "pixel " + i);
        }
    }

    @Test
    void otherSyntaxesAndUnreducedJpeg2000AreTheFullRead() throws Exception {
        record Case(String fixture, int minSide) {
        }
        for (Case c : new Case[] {new Case("CT_small.dcm", 16), new Case("MR_small_RLE.dcm", 16),
            new Case("MR_small_jpeg_ls_lossless.dcm", 16), new Case("MR_small_jp2klossless.dcm", 64),
            new Case("MR_small_jp2klossless.dcm", 1000), new Case("emri_small.dcm", 16)}) {
            Path p = TestData.fixture(c.fixture());
            SourcedImage full = DicomReader.readSourcedImage(p);
            SourcedReducedImage r = DicomReader.readSourcedReduced(p, c.minSide());
            assertEquals(0, r.image().levels(), c.fixture());
            assertEquals(full.image().width(), r.image().image().width(), c.fixture());
            assertArrayEquals(full.image().channel(0), r.image().image().channel(0), 0f, c.fixture());
            assertEquals(full.image().geometry(), r.image().fullGeometry(), c.fixture());
            assertEquals(full.image().intensity(), r.image().image().intensity(), c.fixture());
            assertEquals(full.source().sopInstanceUid(), r.source().sopInstanceUid(), c.fixture());
        }
    }

    @Test
    void aCorruptCodestreamFailsWithTheFullReadsMessage() throws Exception {
        byte[] b = Files.readAllBytes(J2K);
        int sot = indexOf(b, new byte[] {(byte) 0xFF, (byte) 0x90}, indexOf(b, new byte[] {(byte) 0xFF, 0x4F}, 0));
        for (int i = sot + 14; i < b.length - 40; i++) {
            b[i] = (byte) 0xFF;
        }
        Path bad = Files.write(tmp.resolve("bad.dcm"), b);
        ImageReadException full = assertThrows(ImageReadException.class, () -> DicomReader.readSourcedImage(bad));
        ImageReadException reduced = assertThrows(ImageReadException.class,
                () -> DicomReader.readSourcedReduced(bad, 16));
        assertEquals(full.getMessage(), reduced.getMessage());
        assertTrue(reduced.getMessage().contains("bad.dcm"), reduced.getMessage());
    }

    /** Mean |reduced(i, j) − mean of the full image's 2^d × 2^d block centred on full pixel (2^d·i, 2^d·j)|. */
    static double meanAbsDiffToBlockMeans(Image2D full, ReducedImage red) {
        int k = red.factor();
        Image2D im = red.image();
        double sum = 0;
        for (int y = 0; y < im.height(); y++) {
            for (int x = 0; x < im.width(); x++) {
                double m = 0;
                int n = 0;
                for (int yy = y * k - k / 2; yy < y * k + k / 2; yy++) {
                    for (int xx = x * k - k / 2; xx < x * k + k / 2; xx++) {
                        if (xx >= 0 && yy >= 0 && xx < full.width() && yy < full.height()) {
                            m += full.get(xx, yy);
                            n++;
                        }
                    }
                }
                sum += Math.abs(im.get(x, y) - m / n);
            }
        }
        return sum / ((double) im.width() * im.height());
    }

    /** {min, max} of the values (ReducedWorkloadTest scales its tolerance by it too). */
    static float[] minMax(float[] v) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float f : v) {
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
        }
        return new float[] {lo, hi};
    }

    /** The fixture with RescaleSlope 2, RescaleIntercept −1000 and MONOCHROME1, its JPEG 2000 frame kept as stored. */
    private static Path rewritten(Path src, Path out) throws Exception {
        AttributeList l = new AttributeList();
        l.setDecompressPixelData(false);
        try (DicomInputStream in = new DicomInputStream(src.toFile())) {
            l.read(in);
        }
        l.putNewAttribute(TagFromName.RescaleSlope).addValue("2");
        l.putNewAttribute(TagFromName.RescaleIntercept).addValue("-1000");
        l.replaceWithValueIfPresent(TagFromName.PhotometricInterpretation, "MONOCHROME1");
        String ts = com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(l, TagFromName.TransferSyntaxUID);
        l.write(out.toFile(), ts, true, true);
        return out;
    }

    private static byte[] codestream(Path p) throws Exception {
        byte[] b = Files.readAllBytes(p);
        int s = indexOf(b, new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51}, 0);
        return java.util.Arrays.copyOfRange(b, s, b.length);
    }

    private static int indexOf(byte[] b, byte[] what, int from) {
        outer:
        for (int i = from; i <= b.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
