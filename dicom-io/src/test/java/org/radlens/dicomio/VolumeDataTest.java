package org.radlens.dicomio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.nifti.NiftiWriter;
import org.radlens.volume3d.Interpolation;
import org.radlens.volume3d.LabelMask;
import org.radlens.volume3d.Masks;
import org.radlens.volume3d.Plane;
import org.radlens.volume3d.Reorientation;
import org.radlens.volume3d.Resampling;
import org.radlens.volume3d.Reslicing;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.VolumeGrid;
import org.radlens.volume3d.Volumes;

/**
 * Real volumes from the shared data: restacking along three axes, and the DICOM-series path against NIfTI files of
 * the same CT. The data holds no NIfTI of the CT values of {@code dicom/ct-series/example_ct_dicom}: its pair is
 * {@code example_seg_dicom.nii.gz}, TotalSegmentator's segmentation of that series on the same voxels (dcm2niix grid,
 * rows bottom-up; PROVENANCE.md), plus our own NIfTI written from the series.
 */
@Tag("data")
class VolumeDataTest {
    @TempDir
    Path tmp;

    private static Path series() {
        return TestData.root().resolve("dicom/ct-series/example_ct_dicom");
    }

    @Test
    void slicingAlongThreeAxesAndRestackingReturnsTheInput() throws Exception {
        Path root = TestData.root();
        for (Path p : List.of(series(), root.resolve("nifti/totalsegmentator/example_ct_sm.nii.gz"),
                root.resolve("nifti/totalsegmentator/example_mr_sm.nii.gz"),
                root.resolve("nifti/nibabel/anatomical.nii"), root.resolve("nifti/nibabel/standard.nii.gz"))) {
            Volume v = ImageFiles.readVolume(p);
            for (Plane plane : Plane.values()) {
                Volume restacked = Volumes.stack(Reslicing.slices(v, plane));
                Volume back = Resampling.resample(restacked, VolumeGrid.of(v), Interpolation.NEAREST, Float.NaN);
                assertArrayEquals(v.data(), back.data(), p.getFileName() + " " + plane);
                float[] inserted = new float[v.data().length];
                for (int i = 0; i < Reslicing.count(v, plane); i++) {
                    Reslicing.insert(inserted, VolumeGrid.of(v), plane, i, Reslicing.slice(v, plane, i).channel(0));
                }
                assertArrayEquals(v.data(), inserted, p.getFileName() + " " + plane + " insert");
            }
        }
    }

    @Test
    void dicomSeriesAndItsNiftiGiveTheSameVoxelsAtTheSameWorldPositions() throws Exception {
        Volume dicom = ImageFiles.readVolume(series());
        Path nii = tmp.resolve("ct.nii.gz");
        NiftiWriter.write(Reorientation.flip(dicom, 1), nii); // as radlens convert / dcm2niix: rows bottom-up
        Volume nifti = ImageFiles.readVolume(nii);
        assertEquals(dicom.nx(), nifti.nx());
        assertEquals(dicom.ny(), nifti.ny());
        assertEquals(dicom.nz(), nifti.nz());
        for (int k = 0; k < dicom.nz(); k++) {
            for (int j = 0; j < dicom.ny(); j += 7) {
                for (int i = 0; i < dicom.nx(); i += 5) {
                    int jn = dicom.ny() - 1 - j;
                    assertArrayEquals(dicom.geometry().indexToWorld(i, j, k), nifti.geometry().indexToWorld(i, jn, k),
                            1e-3, "voxel " + i + "," + j + "," + k);
                    assertEquals(dicom.get(i, j, k), nifti.get(i, jn, k), 0f);
                }
            }
        }
        Volume onDicomGrid = Resampling.resample(nifti, VolumeGrid.of(dicom), Interpolation.NEAREST, Float.NaN);
        assertArrayEquals(dicom.data(), onDicomGrid.data(), "world-position resampling is a pure permutation");
    }

    @Test
    void totalSegmentatorsSegmentationOfTheSeriesLiesOnTheSameVoxelsAndOnTheBody() throws Exception {
        Volume ct = ImageFiles.readVolume(series());
        Volume segVolume = ImageFiles.readVolume(series().resolveSibling("example_seg_dicom.nii.gz"));
        LabelMask seg = Masks.fromVolume(segVolume, List.of(), "TotalSegmentator --fast");
        LabelMask onCt = Resampling.resample(seg, VolumeGrid.of(ct));
        long fg = seg.labels().length - seg.count(0);
        long fgOnCt = onCt.labels().length - onCt.count(0);
        assertEquals(fg, fgOnCt, "every labelled voxel lands on a CT voxel (the grids coincide)");
        double inBody = fractionAbove(ct, onCt, -500);
        LabelMask misregistered = Masks.fromVolume(Reorientation.flip(Masks.toVolume(onCt), 1), List.of(), "x");
        double flipped = fractionAbove(ct, new LabelMask(ct.nx(), ct.ny(), ct.nz(), misregistered.labels(),
                ct.geometry(), List.of(), "x"), -500);
        assertTrue(inBody > 0.95, "labelled voxels in tissue (HU > -500): " + inBody);
        assertTrue(flipped < inBody - 0.1, "a row-flipped pairing must fit worse: " + flipped + " vs " + inBody);
    }

    private static double fractionAbove(Volume ct, LabelMask m, float hu) {
        long n = 0;
        long above = 0;
        for (int k = 0; k < ct.nz(); k++) {
            for (int j = 0; j < ct.ny(); j++) {
                for (int i = 0; i < ct.nx(); i++) {
                    if (m.get(i, j, k) != 0) {
                        n++;
                        above += ct.get(i, j, k) > hu ? 1 : 0;
                    }
                }
            }
        }
        return n == 0 ? 0 : (double) above / n;
    }
}
