package org.radlens.dicomio.derived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.ExternalTools;
import org.radlens.dicomio.SourceImage;

class SecondaryCapturesTest {
    static final AlgorithmIdentity ALGO = StructuredReportsTest.ALGO;

    @TempDir
    Path tmp;

    /** A gradient whose pixel (x, y) is (x mod 256, y mod 256, 7). */
    static byte[] gradient(int w, int h) {
        byte[] rgb = new byte[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 3 * (y * w + x);
                rgb[i] = (byte) x;
                rgb[i + 1] = (byte) y;
                rgb[i + 2] = 7;
            }
        }
        return rgb;
    }

    Path write(SourceImage src, String query) throws Exception {
        Path sc = tmp.resolve(query + ".dcm");
        Files.write(sc, SecondaryCaptures.overlay(src, src.header().columns(), src.header().rows(),
                gradient(src.header().columns(), src.header().rows()), query, ALGO));
        return sc;
    }

    @Test
    void uidsAreDeterministicPerSourceModelAndQuery() throws Exception {
        SourceImage src = SourceImage.read(StructuredReportsTest.SAMPLE);
        assertEquals(SecondaryCaptures.instanceUid(src, ALGO, "pneumonia"),
                SecondaryCaptures.instanceUid(src, ALGO, "pneumonia"));
        assertNotEquals(SecondaryCaptures.instanceUid(src, ALGO, "pneumonia"),
                SecondaryCaptures.instanceUid(src, ALGO, "opacity"));
        assertNotEquals(SecondaryCaptures.instanceUid(src, ALGO, "pneumonia"), StructuredReports.instanceUid(src, ALGO));
        assertThrows(IllegalArgumentException.class, () -> SecondaryCaptures.overlay(src, 3, 3, new byte[27],
                "pneumonia", ALGO));
    }

    @Test
    void dciodvfyReportsNoErrors() throws Exception {
        ExternalTools.assumeDciodvfy();
        assertEquals(List.of(), ExternalTools.dciodvfyErrors(write(SourceImage.read(StructuredReportsTest.SAMPLE),
                "pneumonia")));
    }

    @Test
    void dciodvfyWarnsOfNothingAndDcmtkRoundTrips() throws Exception {
        ExternalTools.assumeDciodvfy();
        ExternalTools.assumeDcmtk();
        Path sc = write(SourceImage.read(StructuredReportsTest.SAMPLE), "pneumonia");
        assertEquals(List.of(), ExternalTools.dciodvfyWarnings(sc));
        ExternalTools.dcmtkRoundTrip(sc, tmp);
    }

    @Test
    void pydicomReadsTheSamePixelsStudyAndReference() throws Exception {
        ExternalTools.assumePydicom();
        SourceImage src = SourceImage.read(StructuredReportsTest.SAMPLE);
        Path sc = write(src, "pneumonia");
        String script = String.join("\n",
                "import sys, pydicom",
                "d = pydicom.dcmread(sys.argv[1])",
                "a = d.pixel_array",
                "print(d.SOPClassUID, d.Modality, d.PhotometricInterpretation, a.shape[0], a.shape[1], a.shape[2])",
                "print(int(a[5, 300, 0]), int(a[5, 300, 1]), int(a[5, 300, 2]), int(a[260, 2, 0]), int(a[260, 2, 1]))",
                "print(d.StudyInstanceUID, d.SourceImageSequence[0].ReferencedSOPInstanceUID, d.SeriesDescription)");
        ExternalTools.Output out = ExternalTools.python(script, sc.toString());
        assertEquals(0, out.exit(), out.text());
        String[] lines = out.text().strip().split("\n");
        int rows = src.header().rows();
        int cols = src.header().columns();
        assertEquals("1.2.840.10008.5.1.4.1.1.7 OT RGB " + rows + " " + cols + " 3", lines[0]);
        assertEquals((300 % 256) + " 5 7 2 " + (260 % 256), lines[1]);
        assertEquals(src.studyInstanceUid() + " " + src.sopInstanceUid() + " RadLens heat map: pneumonia", lines[2]);
    }
}
