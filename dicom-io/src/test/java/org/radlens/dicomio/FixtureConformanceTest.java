package org.radlens.dicomio;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radlens.dicomio.nifti.NiftiConformanceTest;
import org.radlens.dicomio.reference.DicomReferenceCheck;
import org.radlens.dicomio.reference.Outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The conformance checks on the committed fixtures (golden values: fixtures.expected.json), no RADLENS_DATA needed. */
class FixtureConformanceTest {
    private static final Map<String, Outcome> EXPECTED = Map.ofEntries(
            Map.entry("CT_small.dcm", Outcome.EQUAL), Map.entry("MR_small_RLE.dcm", Outcome.EQUAL),
            Map.entry("JPEG2000.dcm", Outcome.WITHIN_TOLERANCE), Map.entry("MR_small_jp2klossless.dcm", Outcome.EQUAL),
            Map.entry("SC_rgb_small_odd.dcm", Outcome.EQUAL), Map.entry("SC_rgb_rle.dcm", Outcome.EQUAL),
            Map.entry("SC_ybr_full_422_uncompressed.dcm", Outcome.EQUAL),
            Map.entry("MR_small_jpeg_ls_lossless.dcm", Outcome.EQUAL), Map.entry("image_dfl.dcm", Outcome.EQUAL),
            Map.entry("ExplVR_BigEnd.dcm", Outcome.EQUAL), Map.entry("no_meta.dcm", Outcome.NO_PIXELS),
            Map.entry("rtdose_1frame.dcm", Outcome.EQUAL), Map.entry("SC_rgb_jpeg_dcmtk.dcm", Outcome.WITHIN_TOLERANCE),
            Map.entry("JPEG-lossy.dcm", Outcome.WITHIN_TOLERANCE), Map.entry("CR1_6154_monochrome1.dcm", Outcome.EQUAL),
            Map.entry("emri_small.dcm", Outcome.EQUAL),
            // implicit VR dataset under an explicit VR syntax: read as pydicom reads it (ImplicitVrRepair)
            Map.entry("SC_rgb_jpeg.dcm", Outcome.EQUAL));

    @Test
    void dicomFixturesMatchPydicom() throws IOException {
        Path dir = TestData.fixture("CT_small.dcm").getParent();
        Map<String, Outcome> got = new HashMap<>();
        for (JsonElement e : golden(dir).getAsJsonArray("dicom")) {
            JsonObject rec = e.getAsJsonObject();
            DicomReferenceCheck.Result r = DicomReferenceCheck.check(dir, rec);
            got.put(rec.get("path").getAsString(), r.outcome());
            assertEquals(EXPECTED.get(rec.get("path").getAsString()), r.outcome(), rec.get("path") + ": " + r.detail());
        }
        assertEquals(EXPECTED.keySet(), got.keySet());
    }

    @Test
    void niftiFixturesMatchNibabel() throws IOException, ImageReadException {
        Path dir = TestData.fixture("CT_small.dcm").getParent();
        int n = 0;
        for (JsonElement e : golden(dir).getAsJsonArray("nifti")) {
            JsonObject rec = e.getAsJsonObject();
            assertNull(NiftiConformanceTest.check(dir.resolve(rec.get("path").getAsString()), rec), rec.get("path")
                    .getAsString());
            n++;
        }
        assertEquals(5, n);
    }

    private static JsonObject golden(Path dir) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve("fixtures.expected.json"))).getAsJsonObject();
    }
}
