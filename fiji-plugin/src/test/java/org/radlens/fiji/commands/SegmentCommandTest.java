package org.radlens.fiji.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import org.junit.jupiter.api.Test;
import org.radlens.fiji.Fixtures;

class SegmentCommandTest {
    @Test
    void labelImageRoiPerClassAndAreasInMillimetres() throws Exception {
        ImagePlus imp = OpenImageCommand.open(Fixtures.CXR_DICOM);
        long before = Fixtures.pixelChecksum(imp);
        SegmentCommand.Outcome o = SegmentCommand.execute(imp, new SegmentCommand.Params(true, true),
                Fixtures.session());
        assertEquals(before, Fixtures.pixelChecksum(imp));
        ImagePlus labels = o.labelImage();
        assertArrayEquals(o.mask().labels(), (byte[]) labels.getProcessor().getPixels());
        assertEquals(imp.getCalibration().pixelWidth, labels.getCalibration().pixelWidth, 1e-12);
        long lungPixels = o.mask().count(1);
        assertTrue(lungPixels > 1000, "lungs found: " + lungPixels);
        assertEquals(1, o.rois().size());
        Roi lungs = o.rois().get(0);
        assertEquals("lungs", lungs.getName());
        assertEquals(lungPixels, lungs.getContainedPoints().length);
        assertEquals(1, imp.getOverlay().size());
        ResultsTable rt = ResultsTable.getResultsTable();
        assertEquals(lungPixels * 0.2 * 0.2, rt.getValue("Area (mm^2)", 0), 1e-6);
    }
}
