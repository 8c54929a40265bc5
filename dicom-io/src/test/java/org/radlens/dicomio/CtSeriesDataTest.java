package org.radlens.dicomio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.radlens.volume3d.Volume;

/** The shared 20-slice CT series against pydicom's ct_series summary in expected.json. */
@Tag("data")
class CtSeriesDataTest {

    @Test
    void seriesBecomesAVolumeWithPydicomsOrderingSpacingAndHu() throws IOException, ImageReadException {
        Path root = TestData.root();
        JsonObject ref = JsonParser.parseString(Files.readString(root.resolve("dicom/expected.json")))
                .getAsJsonObject().getAsJsonObject("ct_series");
        Volume v = DicomSeries.readVolume(root.resolve(ref.get("series_dir").getAsString()));
        assertEquals(ref.get("n_slices").getAsInt(), v.nz());
        assertEquals(512, v.nx());
        assertEquals(2.0, v.geometry().spacing(2), 1e-9); // from positions, not SliceThickness (3.0)
        assertEquals(0.9765625, v.geometry().spacing(0), 1e-12);
        assertEquals(-804.5, v.geometry().origin()[2], 1e-9);
        assertArrayEquals(new double[] {0, 0, 1}, v.geometry().axis(2), 1e-12);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        double sum = 0;
        for (float x : v.data()) {
            min = Math.min(min, x);
            max = Math.max(max, x);
            sum += x;
        }
        assertEquals(ref.get("hu_min").getAsDouble(), min, 0);
        assertEquals(ref.get("hu_max").getAsDouble(), max, 0);
        assertEquals(ref.get("hu_mean").getAsDouble(), sum / v.data().length, 1e-6);
        assertEquals("HU", v.intensity().units());
    }
}
