package org.radlens.fiji.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Roi;
import org.junit.jupiter.api.Test;
import org.radlens.fiji.Fixtures;
import org.radlens.fiji.UserError;

class GroundCommandTest {
    @Test
    void heatMapOverlayBoxesAndCalibrated32BitMapOnTheSourceGrid() throws Exception {
        ImagePlus imp = OpenImageCommand.open(Fixtures.CXR_DICOM);
        long before = Fixtures.pixelChecksum(imp);
        GroundCommand.Outcome o = GroundCommand.execute(imp,
                new GroundCommand.Params("lungs", 40, 0.5, "fire", true, true), Fixtures.session());
        assertEquals(before, Fixtures.pixelChecksum(imp));
        Roi[] overlay = imp.getOverlay().toArray();
        assertTrue(overlay[0] instanceof ImageRoi);
        assertEquals(0.4, ((ImageRoi) overlay[0]).getOpacity(), 1e-6);
        assertEquals(imp.getWidth(), overlay[0].getBounds().width);
        assertEquals(1 + o.boxes().size(), overlay.length);
        assertFalse(o.boxes().isEmpty());
        ImagePlus heat = o.heatMapImage();
        assertEquals(ImagePlus.GRAY32, heat.getType());
        assertEquals(imp.getWidth(), heat.getWidth());
        assertEquals(imp.getCalibration().pixelWidth, heat.getCalibration().pixelWidth, 1e-12);
        assertArrayEquals(o.grounding().map().values(), (float[]) heat.getProcessor().getPixels());
        var box = o.grounding().boxes().get(0);
        assertEquals(box.x(), o.boxes().get(0).getBounds().x);
        assertEquals(box.h(), o.boxes().get(0).getBounds().height);
    }

    @Test
    void blankQueryAndBadOpacityAreUserErrors() throws Exception {
        ImagePlus imp = OpenImageCommand.open(Fixtures.CXR_JPEG);
        assertThrows(UserError.class, () -> GroundCommand.execute(imp,
                new GroundCommand.Params(" ", 50, 0.5, "fire", false, false), Fixtures.session()));
        assertThrows(UserError.class, () -> GroundCommand.execute(imp,
                new GroundCommand.Params("lungs", 150, 0.5, "fire", false, false), Fixtures.session()));
        assertEquals(null, imp.getOverlay());
    }
}
