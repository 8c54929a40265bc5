package org.radlens.dicomio.derived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.CorruptFileException;
import org.radlens.dicomio.DicomSeries;
import org.radlens.dicomio.ExternalTools;
import org.radlens.dicomio.ImageFiles;
import org.radlens.dicomio.SeriesSource;
import org.radlens.dicomio.SliceSource;
import org.radlens.dicomio.SourceImage;
import org.radlens.dicomio.SourcedVolume;
import org.radlens.dicomio.TestData;
import org.radlens.volume3d.LabelMask;
import org.radlens.volume3d.Masks;
import org.radlens.volume3d.Resampling;
import org.radlens.volume3d.Volume;

/**
 * Multi-frame SEG of the shared 20-slice CT series ({@code dicom/ct-series/example_ct_dicom}) from TotalSegmentator's
 * reference segmentation of that series (NIfTI, dcm2niix grid) resampled onto the series grid: dciodvfy finds no
 * error, and pydicom — reading the source files itself — finds every frame at its referenced slice's
 * ImagePositionPatient, every reference in the series, and the decoded frames equal to the mask voxel for voxel;
 * OHIF's three SEG readers ({@link OhifLoaders}, when node is installed) put every segment's voxels on its slices.
 *
 * <p>The shared series is de-identified with blank SOP Class/Instance, Study Instance and Series Instance UIDs in the
 * dataset (the meta header keeps the SOP UIDs; the Frame of Reference UID is kept). The SOP UIDs fall back to the
 * meta header; a SEG cannot be filed or reference the series without the study and series UIDs, so the series is
 * refused as it is, and the test writes a copy (pydicom) with only those two UIDs filled in — pixel data and every
 * other attribute as shared.
 */
@Tag("data")
class SegmentationsVolumeDataTest {
    private static final String PY = String.join("\n",
            "import sys, glob, pydicom, numpy as np",
            "seg = pydicom.dcmread(sys.argv[1])",
            "src = {d.SOPInstanceUID or d.file_meta.MediaStorageSOPInstanceUID: d for d in",
            "       (pydicom.dcmread(f, stop_before_pixels=True) for f in glob.glob(sys.argv[2] + '/*'))}",
            "order = open(sys.argv[3]).read().split()",
            "nz, ny, nx = len(order), int(seg.Rows), int(seg.Columns)",
            "mask = np.fromfile(sys.argv[4], dtype=np.uint8).reshape(nz, ny, nx)",
            "a = seg.pixel_array.reshape(-1, ny, nx)",
            "bad_pos = bad_px = 0",
            "for i, f in enumerate(seg.PerFrameFunctionalGroupsSequence):",
            "    uid = f.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID",
            "    s = int(f.SegmentIdentificationSequence[0].ReferencedSegmentNumber)",
            "    p = np.array([float(v) for v in f.PlanePositionSequence[0].ImagePositionPatient])",
            "    q = np.array([float(v) for v in src[uid].ImagePositionPatient])",
            "    bad_pos += int(np.abs(p - q).max() > 1e-3)",
            "    bad_px += int(((mask[order.index(uid)] == s).astype(np.uint8) != a[i]).sum())",
            "refs = [r.ReferencedSOPInstanceUID for r in seg.ReferencedSeriesSequence[0].ReferencedInstanceSequence]",
            "print(a.shape[0], len(seg.SegmentSequence), bad_pos, bad_px, sorted(refs) == sorted(src),",
            "      seg.FrameOfReferenceUID == next(iter(src.values())).FrameOfReferenceUID, int(a.sum()))");

    @TempDir
    Path tmp;

    private static final String FILL_UIDS = String.join("\n",
            "import sys, glob, os, pydicom",
            "os.makedirs(sys.argv[2])",
            "for f in glob.glob(sys.argv[1] + '/*'):",
            "    d = pydicom.dcmread(f)",
            "    d.StudyInstanceUID = '2.25.330001'",
            "    d.SeriesInstanceUID = '2.25.330002'",
            "    d.save_as(os.path.join(sys.argv[2], os.path.basename(f)))");

    @Test
    void sharedSeriesWithoutStudyUidIsRefusedWithAClearMessage() {
        Path folder = TestData.root().resolve("dicom/ct-series/example_ct_dicom");
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> DicomSeries.readSources(folder));
        assertTrue(e.getMessage().contains("Study Instance UID"), e.getMessage());
    }

    @Test
    void totalSegmentatorMaskBecomesAValidSegOnTheSeries() throws Exception {
        Path shared = TestData.root().resolve("dicom/ct-series/example_ct_dicom");
        ExternalTools.assumePydicom();
        Path folder = tmp.resolve("example_ct_dicom");
        ExternalTools.Output fill = ExternalTools.python(FILL_UIDS, shared.toString(), folder.toString());
        assertEquals(0, fill.exit(), fill.text());
        SourcedVolume ct = DicomSeries.readWithSources(folder);
        LabelMask mask = reference(ct, shared.resolveSibling("example_seg_dicom.nii.gz"));
        byte[] bytes = Segmentations.binaryVolume(ct.source(), mask, SegmentationsVolumeTest.ALGO);
        Path seg = tmp.resolve("ct-seg.dcm");
        Files.write(seg, bytes);
        assertEquals(Segmentations.volumeInstanceUid(ct.source(), mask.classNames(), SegmentationsVolumeTest.ALGO,
                        Segmentations.Frames.NON_EMPTY),
                SegFile.parse(Segmentations.binaryVolume(DicomSeries.readSources(folder), mask,
                        SegmentationsVolumeTest.ALGO)).text(com.pixelmed.dicom.TagFromName.SOPInstanceUID));
        Files.copy(seg, Path.of("target/seg-volume-ct.dcm"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (ExternalTools.onPath("dciodvfy")) {
            assertEquals(List.of(), ExternalTools.dciodvfyErrors(seg));
        }
        Path order = tmp.resolve("order.txt");
        Files.write(order, ct.source().slices().stream().map(SliceSource::sopInstanceUid).toList());
        Path raw = tmp.resolve("mask.u8");
        Files.write(raw, mask.labels());
        ExternalTools.Output out = ExternalTools.python(PY, seg.toString(), folder.toString(), order.toString(),
                raw.toString());
        assertEquals(0, out.exit(), out.text());
        int frames = SegFile.parse(bytes).frames().size();
        long voxels = mask.labels().length - mask.count(0);
        assertEquals(frames + " " + mask.classNames().size() + " 0 0 True True " + voxels, out.text().strip());
        assertTrue(frames > mask.classNames().size() && frames < 20 * mask.classNames().size(), "frames " + frames);
        if (ExternalTools.onPath("node") && ExternalTools.onPath("npm")) {
            ohifLoadsEverySegmentOnItsSlices(ct.source(), folder, seg, mask);
        }
    }

    /** OHIF's three SEG readers put each segment's voxels on the right slice: per slice and segment, the same count. */
    private static void ohifLoadsEverySegmentOnItsSlices(SeriesSource series, Path folder, Path seg, LabelMask mask)
            throws Exception {
        java.util.Map<String, Path> files = new java.util.HashMap<>();
        try (var list = Files.list(folder)) {
            for (Path f : list.toList()) {
                files.put(SourceImage.read(f).sopInstanceUid(), f);
            }
        }
        List<Path> stack = series.slices().stream().map(s -> files.get(s.sopInstanceUid())).toList();
        OhifLoaders.Report r = OhifLoaders.load(stack, seg, null);
        byte[] labels = mask.labels();
        int plane = mask.width() * mask.height();
        for (String reader : OhifLoadersTest.SEG_READERS) {
            com.google.gson.JsonObject o = r.reader(reader);
            assertTrue(o.get("ok").getAsBoolean(), reader + ": " + o.get("error"));
            assertEquals(mask.classNames().size(), o.getAsJsonArray("segments").size(), reader);
            for (int k = 0; k < mask.depth(); k++) {
                long[] expected = new long[mask.classNames().size() + 1];
                for (int p = 0; p < plane; p++) {
                    expected[labels[k * plane + p] & 0xff]++;
                }
                com.google.gson.JsonObject got = o.getAsJsonArray("images").get(k).getAsJsonObject()
                        .getAsJsonObject("segments");
                for (int v = 1; v < expected.length; v++) {
                    assertEquals(expected[v], got.getAsJsonObject(String.valueOf(v)).get("count").getAsLong(),
                            reader + " slice " + k + " segment " + v);
                }
            }
        }
    }

    /** The reference segmentation on the series grid, labels renumbered 1..n in order of their TotalSegmentator id. */
    private static LabelMask reference(SourcedVolume ct, Path nifti) throws Exception {
        Volume v = ImageFiles.readVolume(nifti);
        LabelMask onCt = Resampling.resample(Masks.fromVolume(v, List.of(), "TotalSegmentator"),
                org.radlens.volume3d.VolumeGrid.of(ct.volume()));
        byte[] labels = onCt.labels();
        int[] newLabel = new int[256];
        List<String> names = new ArrayList<>();
        for (byte b : labels) {
            int id = b & 0xff;
            if (id != 0 && newLabel[id] == 0) {
                newLabel[id] = -1;
            }
        }
        for (int id = 1; id < 256; id++) {
            if (newLabel[id] == -1) {
                names.add("TotalSegmentator class " + id);
                newLabel[id] = names.size();
            }
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) newLabel[labels[i] & 0xff];
        }
        return new LabelMask(onCt.width(), onCt.height(), onCt.depth(), labels, onCt.geometry(), names, "reference");
    }
}
