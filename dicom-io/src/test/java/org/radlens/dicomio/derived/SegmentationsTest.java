package org.radlens.dicomio.derived;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.ExternalTools;
import org.radlens.dicomio.SourceImage;

class SegmentationsTest {
    static final AlgorithmIdentity ALGO = StructuredReportsTest.ALGO;

    @TempDir
    Path tmp;

    /** A rectangle x in [100, 300), y in [50, 400) on the 512×512 sample. */
    static byte[] rectangle(int w, int h) {
        byte[] m = new byte[w * h];
        for (int y = 50; y < 400; y++) {
            for (int x = 100; x < 300; x++) {
                m[y * w + x] = 1;
            }
        }
        return m;
    }

    @Test
    void packsLeastSignificantBitFirst() {
        assertArrayEquals(new byte[]{(byte) 0b1000_0001, 0b0000_0010}, Segmentations.pack(
                new byte[]{1, 0, 0, 0, 0, 0, 0, 1, 0, 1}));
    }

    @Test
    void packsEveryLengthLikeOneBitAtATime() {
        java.util.Random r = new java.util.Random(15);
        for (int len : new int[] {1, 7, 8, 9, 16, 17, 1001}) {
            byte[] m = new byte[len];
            for (int i = 0; i < len; i++) {
                m[i] = (byte) (r.nextInt(3) == 0 ? 0 : r.nextInt(255) + 1); // any non-zero value is set
            }
            int n = (len + 7) / 8;
            byte[] want = new byte[n + n % 2];
            for (int i = 0; i < len; i++) {
                want[i / 8] |= (byte) (m[i] != 0 ? 1 << (i % 8) : 0);
            }
            assertArrayEquals(want, Segmentations.pack(m), "length " + len);
        }
    }

    @Test
    void refusesMaskOfAnotherSize() throws Exception {
        SourceImage src = SourceImage.read(StructuredReportsTest.SAMPLE);
        assertThrows(IllegalArgumentException.class, () -> Segmentations.binary(src, new byte[10], "lungs", ALGO));
    }

    @Test
    void dciodvfyReportsNoErrors() throws Exception {
        ExternalTools.assumeDciodvfy();
        Path seg = tmp.resolve("seg.dcm");
        Files.write(seg, Segmentations.binary(SourceImage.read(StructuredReportsTest.SAMPLE), rectangle(512, 512),
                "lungs", ALGO));
        Files.copy(seg, Path.of("target/seg-sample.dcm"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(List.of(), ExternalTools.dciodvfyErrors(seg));
    }

    @Test
    void projectionSegsHaveNoWarningsAndSurviveDcmtkRoundTrip() throws Exception {
        ExternalTools.assumeDciodvfy();
        ExternalTools.assumeDcmtk();
        for (Path source : List.of(StructuredReportsTest.SAMPLE, OhifLoadersTest.CR)) {
            SourceImage src = SourceImage.read(source);
            Path seg = tmp.resolve(source.getFileName() + "-seg.dcm");
            Files.write(seg, Segmentations.binary(src, new byte[src.header().rows() * src.header().columns()],
                    "lungs", ALGO));
            assertEquals(List.of(), ExternalTools.dciodvfyErrors(seg), source.toString());
            assertEquals(List.of(), ExternalTools.dciodvfyWarnings(seg), source.toString());
            ExternalTools.dcmtkRoundTrip(seg, tmp);
        }
    }

    @Test
    void projectionSegWithoutPatientGeometryGetsTheNominalPlaneAndNoFrameOfReference() throws Exception {
        ExternalTools.assumePydicom();
        for (Path source : List.of(StructuredReportsTest.SAMPLE, OhifLoadersTest.CR)) { // with and without FoR UID
            Path seg = tmp.resolve(source.getFileName() + "-seg.dcm");
            SourceImage cr = SourceImage.read(source);
            Files.write(seg, Segmentations.binary(cr, new byte[cr.header().rows() * cr.header().columns()], "lungs",
                    ALGO));
            ExternalTools.Output out = ExternalTools.python(String.join("\n",
                    "import sys, pydicom",
                    "d = pydicom.dcmread(sys.argv[1])",
                    "s = d.SharedFunctionalGroupsSequence[0]",
                    "f = d.PerFrameFunctionalGroupsSequence[0]",
                    "print('FrameOfReferenceUID' in d, [float(v) for v in s.PlaneOrientationSequence[0]"
                            + ".ImageOrientationPatient], [float(v) for v in f.PlanePositionSequence[0]"
                            + ".ImagePositionPatient], [float(v) for v in s.PixelMeasuresSequence[0].PixelSpacing],"
                            + " f.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID)"),
                    seg.toString());
            assertEquals(0, out.exit(), out.text());
            double[] ps = cr.header().pixelSpacing();
            assertEquals("False [1.0, 0.0, 0.0, 0.0, 1.0, 0.0] [0.0, 0.0, 0.0] [" + ps[0] + ", " + ps[1] + "] "
                    + cr.sopInstanceUid(), out.text().strip(), source.toString());
        }
    }

    @Test
    void sourceWithFrameOfReferenceGetsPlaneGroupsAndStaysValid() throws Exception {
        ExternalTools.assumeDciodvfy();
        ExternalTools.assumePydicom();
        SourceImage ct = SourceImage.read(Path.of("src/test/resources/fixtures/CT_small.dcm"));
        byte[] mask = new byte[ct.header().rows() * ct.header().columns()];
        mask[0] = 1;
        Path seg = tmp.resolve("ct-seg.dcm");
        Files.write(seg, Segmentations.binary(ct, mask, "lungs", ALGO));
        assertEquals(List.of(), ExternalTools.dciodvfyErrors(seg));
        ExternalTools.Output out = ExternalTools.python(String.join("\n",
                "import sys, pydicom",
                "d = pydicom.dcmread(sys.argv[1])",
                "f = d.PerFrameFunctionalGroupsSequence[0]",
                "print(d.FrameOfReferenceUID, [float(v) for v in f.PlanePositionSequence[0].ImagePositionPatient],"
                        + " [float(v) for v in d.SharedFunctionalGroupsSequence[0].PlaneOrientationSequence[0]"
                        + ".ImageOrientationPatient])"), seg.toString());
        assertEquals(0, out.exit(), out.text());
        double[] p = ct.header().imagePosition();
        assertEquals(ct.frameOfReferenceUid() + " [" + fmt(p[0]) + ", " + fmt(p[1]) + ", " + fmt(p[2]) + "] ["
                + "1.0, 0.0, 0.0, 0.0, 1.0, 0.0]", out.text().strip());
    }

    private static String fmt(double v) {
        return String.valueOf(v);
    }

    @Test
    void pydicomReadsSegmentPixelsAndReferences() throws Exception {
        ExternalTools.assumePydicom();
        SourceImage src = SourceImage.read(StructuredReportsTest.SAMPLE);
        Path seg = tmp.resolve("seg.dcm");
        Files.write(seg, Segmentations.binary(src, rectangle(512, 512), "lungs", ALGO));
        String script = String.join("\n",
                "import sys, pydicom, numpy as np",
                "d = pydicom.dcmread(sys.argv[1])",
                "a = d.pixel_array",
                "ys, xs = np.nonzero(a)",
                "s = d.SegmentSequence[0].SegmentedPropertyTypeCodeSequence[0]",
                "src = d.PerFrameFunctionalGroupsSequence[0].DerivationImageSequence[0].SourceImageSequence[0]",
                "print(a.shape, int(a.sum()), xs.min(), xs.max(), ys.min(), ys.max(), s.CodingSchemeDesignator,"
                        + " s.CodeValue, src.ReferencedSOPInstanceUID, src.ReferencedSOPInstanceUID =="
                        + " d.ReferencedSeriesSequence[0].ReferencedInstanceSequence[0].ReferencedSOPInstanceUID)");
        ExternalTools.Output out = ExternalTools.python(script, seg.toString());
        assertEquals(0, out.exit(), out.text());
        assertEquals("(512, 512) 70000 100 299 50 399 SCT 39607008 " + src.sopInstanceUid() + " True", out.text().strip());
    }
}
