package org.radlens.dicomio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radlens.volume3d.Image2D;

/**
 * Colour resolution against pydicom 2.3.1's {@code apply_color_lut} / {@code convert_color_space(..., 'RGB')}:
 * golden per-channel sums and pixel (x=10, y=20), computed once with Debian python3-pydicom.
 */
@Tag("data")
class ColourDataTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "dicom/pydicom/examples_palette.dcm, 1142544640, 1441562624, 1822715136, 9472, 15872, 24064",
        "dicom/pydicom-data/OBXXXX1A.dcm, 1201925120, 1501826304, 1883362816, 9472, 15872, 24064",
        "dicom/pydicom/SC_ybr_full_422_uncompressed.dcm, 1277200, 1276500, 1278300, 0, 254, 0",
        "dicom/pydicom-data/SC_ybr_full_uncompressed.dcm, 1277200, 1276500, 1278300, 0, 254, 0"})
    void paletteAndYbrBecomeTheSameRgbAsPydicom(String file, long r, long g, long b, int pr, int pg, int pb)
            throws ImageReadException {
        Path root = TestData.root();
        Image2D img = DicomReader.readImage(root.resolve(file));
        long[] expected = {r, g, b};
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            for (float v : img.channel(c)) {
                sum += v;
            }
            assertEquals(expected[c], (long) sum, "channel " + c);
        }
        assertEquals(pr, img.get(10, 20, 0));
        assertEquals(pg, img.get(10, 20, 1));
        assertEquals(pb, img.get(10, 20, 2));
    }
}
