package org.radlens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * classify / ground / segment on real volumes with the tiny package; every NIfTI output is checked with nibabel
 * (Debian python3-nibabel): same affine and shape as the source as nibabel sees it — for the DICOM series, the
 * dcm2niix-made reference segmentation of that series (expected.json), for a NIfTI source, the source file itself.
 */
@Tag("data")
class VolumeCommandsTest extends CliTest {
    private static final Path PKG = TINY;
    private static final String PY = "import nibabel as nib, json, sys\n"
            + "print(json.dumps([{'affine': nib.load(f).affine.tolist(), 'shape': list(nib.load(f).shape)} "
            + "for f in sys.argv[1:]]))\n";

    @TempDir
    Path tmp;


    private static Path data() {
        String p = System.getProperty("radlens.data");
        if (p == null || !Files.isDirectory(Path.of(p))) {
            p = System.getenv("RADLENS_DATA");
        }
        assumeTrue(p != null && Files.isRegularFile(Path.of(p, "dicom/expected.json")),
                "RADLENS_DATA / -Dradlens.data not set: volume command checks skipped");
        return Path.of(p);
    }

    private static JsonArray nibabel(Path... files) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "/usr/bin/python3 missing: nibabel check skipped");
        String[] cmd = new String[files.length + 3];
        cmd[0] = python.toString();
        cmd[1] = "-c";
        cmd[2] = PY;
        for (int i = 0; i < files.length; i++) {
            cmd[i + 3] = files[i].toString();
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "nibabel not usable: " + text);
        return JsonParser.parseString(text.trim()).getAsJsonArray();
    }

    @Test
    void dicomSeriesHeatMapsAndMasksCarryTheSeriesAffine() throws Exception {
        Path series = data().resolve("dicom/ct-series/example_ct_dicom");
        assertEquals(0, run("ground", "--model", PKG.toString(), "--query", "lungs", "--json", "--out",
                tmp.toString(), series.toString()), err.toString());
        assertEquals(0, run("segment", "--model", PKG.toString(), "--threads", "2", "--json", "--out",
                tmp.toString(), series.toString()), err.toString());
        Path heat = tmp.resolve("example_ct_dicom_lungs.nii.gz");
        Path mask = tmp.resolve("example_ct_dicom_mask.nii.gz");
        JsonObject ref = JsonParser.parseString(Files.readString(data().resolve("dicom/expected.json")))
                .getAsJsonObject().getAsJsonObject("ct_series").getAsJsonObject("reference_segmentation");
        JsonArray nib = nibabel(heat, mask, data().resolve("dicom/ct-series/example_seg_dicom.nii.gz"));
        for (int i = 0; i < 3; i++) {
            JsonObject o = nib.get(i).getAsJsonObject();
            assertArrayEquals(flat(ref.getAsJsonArray("affine")), flat(o.getAsJsonArray("affine")), 1e-4, "" + i);
            assertEquals(ref.get("shape"), o.get("shape"));
        }
    }

    /** The shared series blanks its Study/Series UIDs (de-identified); a copy with them filled in (pydicom). */
    private static final String FILL_UIDS = String.join("\n",
            "import sys, glob, os, pydicom",
            "os.makedirs(sys.argv[2])",
            "for f in glob.glob(sys.argv[1] + '/*'):",
            "    d = pydicom.dcmread(f)",
            "    d.StudyInstanceUID, d.SeriesInstanceUID = '2.25.330001', '2.25.330002'",
            "    d.save_as(os.path.join(sys.argv[2], os.path.basename(f)))");
    /**
     * pydicom + nibabel: every SEG frame against the source slice it references (position) and against the NIfTI mask
     * (rows flipped, dcm2niix-style): same bits voxel for voxel, same world (LPS) position of pixel (0, 0).
     */
    private static final String SEG_CHECK = String.join("\n",
            "import sys, glob, json, pydicom, nibabel as nib, numpy as np",
            "seg = pydicom.dcmread(sys.argv[1])",
            "src = {d.file_meta.MediaStorageSOPInstanceUID: d for d in",
            "       (pydicom.dcmread(f, stop_before_pixels=True) for f in glob.glob(sys.argv[2] + '/*'))}",
            "ipp = lambda d: np.array([float(v) for v in d.ImagePositionPatient])",
            "iop = np.array([float(v) for v in next(iter(src.values())).ImageOrientationPatient])",
            "normal = np.cross(iop[:3], iop[3:])",
            "order = sorted(src, key=lambda u: float(ipp(src[u]) @ normal))",
            "img = nib.load(sys.argv[3])",
            "nii = np.asarray(img.dataobj).astype(int)",
            "ny = nii.shape[1]",
            "a = seg.pixel_array.reshape(-1, int(seg.Rows), int(seg.Columns))",
            "counts, bad_pos, bad_px, bad_world = {}, 0, 0, 0",
            "for i, f in enumerate(seg.PerFrameFunctionalGroupsSequence):",
            "    uid = f.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID",
            "    s = int(f.SegmentIdentificationSequence[0].ReferencedSegmentNumber)",
            "    p = ipp(f.PlanePositionSequence[0])",
            "    k = order.index(uid)",
            "    bad_pos += int(np.abs(p - ipp(src[uid])).max() > 1e-3)",
            "    bad_px += int(((nii[:, ::-1, k].T == s).astype(np.uint8) != a[i]).sum())",
            "    ras = img.affine @ np.array([0, ny - 1, k, 1.0])",
            "    bad_world += int(np.abs(np.array([-ras[0], -ras[1], ras[2]]) - p).max() > 1e-3)",
            "    counts[s] = counts.get(s, 0) + int(a[i].sum())",
            "print(json.dumps({'counts': counts, 'bad_positions': bad_pos, 'bad_pixels': bad_px,",
            "                  'bad_world': bad_world, 'sop': seg.SOPInstanceUID,",
            "                  'series': seg.ReferencedSeriesSequence[0].SeriesInstanceUID}))");

    @Test
    void dicomSegIsWrittenBesideTheNiftiMaskOnTheSeriesGrid() throws Exception {
        Path shared = data().resolve("dicom/ct-series/example_ct_dicom");
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python) && exec(python.toString(), "-c", "import pydicom").exitValue() == 0,
                "/usr/bin/python3 with pydicom missing: SEG check skipped");
        Path series = tmp.resolve("example_ct_dicom");
        assertEquals(0, exec(python.toString(), "-c", FILL_UIDS, shared.toString(), series.toString()).exitValue());
        Path outDir = tmp.resolve("out");
        Files.createDirectories(outDir);
        assertEquals(0, run("segment", "--model", PKG.toString(), "--json", "--out", outDir.toString(), "--dicom-seg",
                "--region", "left lung", "--region", "right lung", series.toString()), err.toString());
        JsonObject r = JsonParser.parseString(out.toString()).getAsJsonArray().get(0).getAsJsonObject();
        Path seg = outDir.resolve("example_ct_dicom_seg.dcm");
        assertEquals(seg.toString(), r.get("dicom_seg").getAsString());
        assertTrue(Files.isRegularFile(outDir.resolve("example_ct_dicom_mask.nii.gz")));
        Process check = exec(python.toString(), "-c", SEG_CHECK, seg.toString(), series.toString(),
                outDir.resolve("example_ct_dicom_mask.nii.gz").toString());
        String text = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.exitValue(), text);
        JsonObject seen = JsonParser.parseString(text.trim()).getAsJsonObject();
        assertEquals(0, seen.get("bad_positions").getAsInt(), text);
        assertEquals(0, seen.get("bad_pixels").getAsInt(), text);
        assertEquals(0, seen.get("bad_world").getAsInt(), text);
        assertEquals(r.get("seg_uid").getAsString(), seen.get("sop").getAsString());
        assertEquals("2.25.330002", seen.get("series").getAsString());
        for (var c : r.getAsJsonArray("classes")) {
            JsonObject o = c.getAsJsonObject();
            long voxels = o.get("voxels").getAsLong();
            JsonObject counts = seen.getAsJsonObject("counts");
            String label = o.get("label").getAsString();
            assertEquals(voxels, counts.has(label) ? counts.get(label).getAsLong() : 0, "class " + label);
            assertTrue(voxels > 0, "class " + label + " is empty: the voxel comparison would prove little");
        }
        if (Files.isExecutable(Path.of("/usr/bin/dciodvfy"))) {
            Process v = exec("/usr/bin/dciodvfy", seg.toString());
            String report = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(report.lines().noneMatch(l -> l.startsWith("Error")), report);
        }
        assertEquals(1, run("segment", "--model", PKG.toString(), "--out", outDir.toString(), "--dicom-seg",
                shared.toString()), "the shared series has no Study UID: SEG refused");
        assertTrue(err.toString().contains("Study Instance UID"), err.toString());
        assertEquals(2, run("segment", "--model", PKG.toString(), "--dicom-seg", series.toString()));
    }

    private static Process exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assumeTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", cmd) + " did not finish");
        return p;
    }

    @Test
    void niftiVolumeOutputsKeepTheSourceAffineAndClassifyPoolsSlices() throws Exception {
        Path ct = data().resolve("nifti/totalsegmentator/example_ct_sm.nii.gz");
        assertEquals(0, run("ground", "--model", PKG.toString(), "--query", "pleural effusion", "--axis", "CORONAL",
                "--out", tmp.toString(), ct.toString()), err.toString());
        assertEquals(0, run("segment", "--model", PKG.toString(), "--region", "left lung", "--region", "right lung",
                "--out", tmp.toString(), ct.toString()), err.toString());
        JsonArray nib = nibabel(ct, tmp.resolve("example_ct_sm_pleural-effusion.nii.gz"),
                tmp.resolve("example_ct_sm_mask.nii.gz"));
        for (int i = 1; i < 3; i++) {
            assertArrayEquals(flat(nib.get(0).getAsJsonObject().getAsJsonArray("affine")),
                    flat(nib.get(i).getAsJsonObject().getAsJsonArray("affine")), 1e-5, "output " + i);
            assertEquals(nib.get(0).getAsJsonObject().get("shape"), nib.get(i).getAsJsonObject().get("shape"));
        }
        out.getBuffer().setLength(0);
        assertEquals(0, run("classify", "--model", PKG.toString(), "--pooling", "MAX", "--json", ct.toString()),
                err.toString());
        JsonObject r = JsonParser.parseString(out.toString()).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("MAX", r.get("pooling").getAsString());
        assertEquals("[122,101,30]", r.get("shape").toString());
        assertEquals(8, r.getAsJsonArray("findings").size());
        double p = r.getAsJsonArray("findings").get(0).getAsJsonObject().get("probability").getAsDouble();
        assertTrue(p > 0 && p < 1, "probability " + p);
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
}
