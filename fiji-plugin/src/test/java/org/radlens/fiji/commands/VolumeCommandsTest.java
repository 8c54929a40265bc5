package org.radlens.fiji.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radlens.dicomio.ImageFiles;
import org.radlens.fiji.Fixtures;
import org.radlens.fiji.ImagePlusConversions;
import org.radlens.fiji.UserError;
import org.radlens.fiji.VolumeScoring;
import org.radlens.models.zeroshot.FindingScore;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.VoxelGeometry;
import org.radlens.volume3d.Volumes;

class VolumeCommandsTest {
    @Test
    void identicalSlicesGiveVolumeScoresEqualToTheSliceScores() throws Exception {
        Image2D cxr = ImageFiles.readImage2D(Fixtures.CXR_JPEG);
        List<Image2D> slices = List.of(at(cxr, 0), at(cxr, 2), at(cxr, 4));
        ImagePlus stack = ImagePlusConversions.toImagePlus(Volumes.stack(slices), "three");
        VolumeScoring.Result r = ClassifyVolumeCommand.execute(stack,
                new ClassifyVolumeCommand.Params("", false, 1, 0, 1, true), Fixtures.session());
        assertEquals(3, r.slices().size());
        for (int i = 0; i < r.volume().size(); i++) {
            FindingScore v = r.volume().get(i);
            assertEquals(r.slices().get(0).scores().get(i).probability(), v.probability(), 1e-5, v.finding());
        }
        ResultsTable rt = ResultsTable.getResultsTable();
        assertEquals(4, rt.size());
        assertEquals("volume", rt.getStringValue("Slice", 3));
        assertEquals(3, stack.getOverlay().size());
        assertEquals(2, stack.getOverlay().get(1).getPosition());
    }

    @Test
    void groundInVolumePutsOneHeatMapOnEachChosenSlice() throws Exception {
        ImagePlus imp = OpenImageCommand.open(Fixtures.NIFTI);
        long before = Fixtures.pixelChecksum(imp);
        GroundVolumeCommand.Outcome o = GroundVolumeCommand.execute(imp,
                new GroundVolumeCommand.Params("lungs", 50, "fire", 2, 20, 6, true), Fixtures.session());
        assertEquals(before, Fixtures.pixelChecksum(imp));
        assertEquals(List.of(2, 8, 14, 20), o.slices());
        Roi[] rois = imp.getOverlay().toArray();
        assertEquals(4, rois.length);
        assertTrue(rois[3] instanceof ImageRoi);
        assertEquals(20, rois[3].getPosition());
        ImagePlus heat = o.heatMapStack();
        assertEquals(4, heat.getStackSize());
        assertEquals(imp.getCalibration().pixelDepth * 6, heat.getCalibration().pixelDepth, 1e-9);
        assertTrue(o.slices().contains(o.bestSlice()));
        ResultsTable rt = ResultsTable.getResultsTable();
        assertEquals(o.volumeScore(), rt.getValue("Max", 4), 1e-6);
    }

    @Test
    void sliceRangesOutsideTheStackAndRgbStacksAreRefused() throws Exception {
        ImagePlus imp = OpenImageCommand.open(Fixtures.NIFTI);
        UserError e = assertThrows(UserError.class, () -> GroundVolumeCommand.execute(imp,
                new GroundVolumeCommand.Params("lungs", 50, "fire", 3, 99, 1, false), Fixtures.session()));
        assertTrue(e.getMessage().contains("has 25 slice(s)"), e.getMessage());
        assertThrows(UserError.class, () -> ClassifyVolumeCommand.execute(Fixtures.rgbScreenshot(),
                new ClassifyVolumeCommand.Params("", false, 1, 0, 1, false), Fixtures.session()));
    }

    private static Image2D at(Image2D img, double z) {
        VoxelGeometry g = VoxelGeometry.of(new double[] {1, 1, 2}, new double[] {0, 0, z},
                new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        return Image2D.gray(img.width(), img.height(), img.channel(0), g, img.intensity());
    }
}
