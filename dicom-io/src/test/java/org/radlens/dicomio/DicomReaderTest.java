package org.radlens.dicomio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo.Photometric;
import org.radlens.volume3d.Volume;

class DicomReaderTest {

    @Test
    void ctSliceIsInHounsfieldUnitsWithItsGeometry() throws ImageReadException {
        Image2D ct = DicomReader.readImage(TestData.fixture("CT_small.dcm"));
        DicomPixels raw = DicomReader.readPixels(TestData.fixture("CT_small.dcm"));
        assertEquals(128, ct.width());
        assertEquals("HU", ct.intensity().units());
        assertTrue(ct.intensity().rescaleApplied());
        assertEquals(raw.value(5 * 128 + 7) - 1024f, ct.get(7, 5));
        assertArrayEquals(new double[] {-158.135803, -179.035797, -75.699997}, ct.geometry().origin(), 1e-6);
        assertArrayEquals(new double[] {0.661468, 0.661468}, new double[] {ct.geometry().spacing(0),
            ct.geometry().spacing(1)}, 1e-9);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, ct.geometry().direction(), 1e-9);
    }

    @Test
    void monochrome1IsKeptRawAndFlagged() throws ImageReadException {
        Image2D cr = DicomReader.readImage(TestData.fixture("CR1_6154_monochrome1.dcm"));
        DicomPixels raw = DicomReader.readPixels(TestData.fixture("CR1_6154_monochrome1.dcm"));
        assertEquals(Photometric.MONOCHROME1, cr.intensity().photometric());
        assertEquals(raw.value(0) * 0.684 + 200, cr.get(0, 0), 1e-3); // modality LUT only, no inversion
        assertTrue(cr.intensity().rescaleApplied());
        assertEquals(1600.0, cr.intensity().defaultWindow().orElseThrow().center());
        assertEquals("CR", cr.intensity().modality());
    }

    @Test
    void colourBecomesThreePlanarRgbChannels() throws ImageReadException {
        Image2D rgb = DicomReader.readImage(TestData.fixture("SC_rgb_rle.dcm"));
        DicomPixels raw = DicomReader.readPixels(TestData.fixture("SC_rgb_rle.dcm"));
        assertEquals(3, rgb.channels());
        assertEquals(Photometric.RGB, rgb.intensity().photometric());
        assertEquals(raw.value(3 * (10 * 100 + 20) + 1), rgb.get(20, 10, 1));
        Image2D ybr = DicomReader.readImage(TestData.fixture("SC_ybr_full_422_uncompressed.dcm"));
        assertEquals(3, ybr.channels());
        // both files hold the same test pattern: after YBR→RGB the colours agree within rounding
        assertEquals(rgb.get(5, 5, 0), ybr.get(5, 5, 0), 3);
        assertEquals(rgb.get(95, 95, 2), ybr.get(95, 95, 2), 3);
    }

    @Test
    void multiFrameObjectsGiveFramesAndAVolume() throws ImageReadException {
        List<Image2D> frames = DicomReader.readFrames(TestData.fixture("emri_small.dcm"));
        assertEquals(10, frames.size());
        Volume v = DicomReader.readVolume(TestData.fixture("emri_small.dcm"));
        assertEquals(List.of(64, 64, 10), List.of(v.nx(), v.ny(), v.nz()));
        assertEquals(frames.get(3).get(10, 20), v.get(10, 20, 3));
    }

    @Test
    void jpegLsDecodesLikeTheUncompressedOriginal() throws ImageReadException {
        Image2D jls = DicomReader.readImage(TestData.fixture("MR_small_jpeg_ls_lossless.dcm"));
        Image2D j2k = DicomReader.readImage(TestData.fixture("MR_small_jp2klossless.dcm"));
        assertArrayEquals(j2k.data(), jls.data());
    }

    @Test
    void undecodableSyntaxNamesTheFileAndTransferSyntax(@TempDir Path dir) throws IOException {
        byte[] b = Files.readAllBytes(TestData.fixture("MR_small_jp2klossless.dcm"));
        String from = "1.2.840.10008.1.2.4.90";
        String to = "1.2.840.10008.1.2.8.1\0"; // Deflated Image Frame Compression, same even length
        String text = new String(b, StandardCharsets.ISO_8859_1).replace(from, to);
        Path f = dir.resolve("relabelled.dcm");
        Files.write(f, text.getBytes(StandardCharsets.ISO_8859_1));
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class, () -> DicomReader.readImage(f));
        assertEquals("1.2.840.10008.1.2.8.1", e.transferSyntaxUid());
        assertTrue(e.getMessage().contains("relabelled.dcm"), e.getMessage());
        assertTrue(e.getMessage().contains("Deflated Image Frame Compression"), e.getMessage());
    }

    @Test
    void twelveBitJpegExtendedDecodes() throws ImageReadException {
        Image2D img = DicomReader.readImage(TestData.fixture("JPEG-lossy.dcm"));
        assertEquals(256, img.width());
        assertEquals(1024, img.height());
    }

    @Test
    void headerOnlyReadDoesNotDecode() throws ImageReadException {
        DicomHeader h = DicomReader.readHeader(TestData.fixture("JPEG-lossy.dcm"));
        assertEquals(1024, h.rows());
        assertEquals(12, h.bitsStored());
        assertEquals("NM", h.modality());
    }

    @Test
    void objectsWithoutPixelDataAreRefusedCleanly() {
        ImageReadException e = assertThrows(ImageReadException.class,
                () -> DicomReader.readImage(TestData.fixture("no_meta.dcm")));
        assertTrue(e.getMessage().contains("no_meta.dcm"), e.getMessage());
    }
}
