package org.radlens.validation.conformance;

import org.radlens.dicomio.reference.Outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.nifti.NiftiWriter;
import org.radlens.validation.eval.EvalException;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.Volumes;
import org.radlens.volume3d.VoxelGeometry;

/** The NIfTI suite over a generated 2×2×2 volume and a hand-written nibabel-style reference (no shared data). */
class ConformanceSuitesTest {
    @TempDir
    Path tmp;

    private static final String AFFINE = "[[-1,0,0,0],[0,-1,0,0],[0,0,1,0],[0,0,0,1]]";

    private static String record(String path, double sum) {
        return "{\"path\": \"" + path + "\", \"shape\": [2,2,2], \"affine\": " + AFFINE + ", \"fdata\": {\"min\": 0, "
                + "\"max\": 7, \"sum\": " + sum + ", \"n_nonzero\": 7}, \"voxels\": {\"last\": {\"index\": [1,1,1], "
                + "\"value\": 7}, \"x1\": {\"index\": [1,0,0], \"value\": 1}}}";
    }

    private Path data() throws IOException {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("nifti/gen"));
        float[] v = {0, 1, 2, 3, 4, 5, 6, 7};
        NiftiWriter.write(Volumes.adopt(2, 2, 2, v, VoxelGeometry.axial(1, 1, 1), IntensityInfo.rawGray()),
                data.resolve("nifti/gen/v.nii"));
        Files.writeString(data.resolve("nifti/expected.json"), "{\"files\": [" + record("nifti/gen/v.nii", 28) + ", "
                + record("nifti/gen/v.nii", 29) + ", " + record("nifti/gen/missing.nii", 28) + "]}");
        return data;
    }

    @Test
    void countsEqualAndFailedFilesAndWritesMetricsAndReport() throws Exception {
        Path out = tmp.resolve("out");
        ConformanceTally t = ConformanceSuites.run("nifti-conformance", data(), out, false);
        assertEquals(3, t.files());
        assertEquals(1, t.count(Outcome.EQUAL));
        assertEquals(2, t.count(Outcome.FAILED), t.failures().toString());
        assertTrue(t.failures().get(0).contains("values differ"), t.failures().get(0));
        JsonObject m = JsonParser.parseString(Files.readString(out.resolve("metrics.json"))).getAsJsonObject();
        assertEquals("nifti-conformance", m.get("task").getAsString());
        assertEquals(3, m.get("n").getAsInt());
        JsonObject row = m.getAsJsonObject("metrics").getAsJsonObject("by_source").getAsJsonObject("nifti/gen .nii");
        assertEquals(3, row.get("files").getAsInt());
        assertEquals(1, row.get("equal").getAsInt());
        assertEquals(2, row.get("failed").getAsInt());
        assertTrue(Files.readString(out.resolve("report.md")).contains("| nifti/gen .nii | 3 | 1 | 0 |"));
        assertThrows(EvalException.class, () -> ConformanceSuites.run("nifti-conformance", data(), out, false),
                "a finished report is not overwritten without force");
    }

    @Test
    void missingReferenceOrUnknownSuiteIsAClearError() {
        EvalException e = assertThrows(EvalException.class,
                () -> ConformanceSuites.run("dicom-conformance", tmp, tmp.resolve("o"), false));
        assertTrue(e.getMessage().contains("dicom/expected.json"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConformanceSuites.run("x", tmp, tmp.resolve("o"), false));
    }

    @Test
    void categoryIsSourceFolderAndSuffix() {
        assertEquals("nifti/nibabel .nii.gz", NiftiConformance.category("nifti/nibabel/example4d.nii.gz"));
        assertEquals("nifti/nibabel .hdr", NiftiConformance.category("nifti/nibabel/nifti1.hdr"));
    }
}
