package org.radlens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code radlens convert} on the shared 20-slice CT series, checked with nibabel (Debian python3-nibabel) against the
 * dcm2niix-made reference segmentation's affine, and the HU statistics pydicom found.
 */
@Tag("data")
class ConvertCommandTest {
    private static final String PY = "import nibabel as nib, numpy as np, json, sys\n"
            + "img = nib.load(sys.argv[1]); d = img.get_fdata()\n"
            + "print(json.dumps({'affine': img.affine.tolist(), 'shape': list(img.shape), "
            + "'axcodes': list(nib.aff2axcodes(img.affine)), 'mean': float(d.mean()), 'min': float(d.min()), "
            + "'max': float(d.max())}))\n";

    @TempDir
    Path dir;

    @Test
    void ctSeriesConvertsToWhatNibabelReportsForDcm2niix() throws Exception {
        Path data = dataRoot();
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "/usr/bin/python3 missing: nibabel check skipped");
        Path out = dir.resolve("ct.nii.gz");
        String[] stdout = new String[1];
        assertEquals(0, InfoCommandTest.run(stdout, "convert", data.resolve("dicom/ct-series/example_ct_dicom")
                .toString(), out.toString()), stdout[0]);
        Process p = new ProcessBuilder(python.toString(), "-c", PY, out.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "nibabel not usable: " + text);
        JsonObject nib = JsonParser.parseString(text.trim()).getAsJsonObject();
        JsonObject ref = JsonParser.parseString(Files.readString(data.resolve("dicom/expected.json")))
                .getAsJsonObject().getAsJsonObject("ct_series");
        JsonObject seg = ref.getAsJsonObject("reference_segmentation");
        assertArrayEquals(flat(seg.getAsJsonArray("affine")), flat(nib.getAsJsonArray("affine")), 1e-4);
        assertEquals(seg.get("shape"), nib.get("shape"));
        assertEquals("[\"L\",\"A\",\"S\"]", nib.get("axcodes").toString());
        assertEquals(ref.get("hu_mean").getAsDouble(), nib.get("mean").getAsDouble(), 1e-6);
        assertEquals(ref.get("hu_min").getAsDouble(), nib.get("min").getAsDouble(), 0);
        assertEquals(ref.get("hu_max").getAsDouble(), nib.get("max").getAsDouble(), 0);
    }

    private static double[] flat(JsonArray rows) {
        double[] a = new double[16];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                a[4 * r + c] = rows.get(r).getAsJsonArray().get(c).getAsDouble();
            }
        }
        return a;
    }

    private static Path dataRoot() throws IOException {
        String p = System.getProperty("radlens.data");
        if (p == null || !Files.isDirectory(Path.of(p))) {
            p = System.getenv("RADLENS_DATA");
        }
        assumeTrue(p != null && Files.isRegularFile(Path.of(p, "dicom/expected.json")),
                "RADLENS_DATA / -Dradlens.data not set: convert check skipped");
        return Path.of(p).toRealPath();
    }
}
