package org.radlens.fiji;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.macro.Interpreter;
import ij.plugin.frame.RoiManager;
import java.awt.GraphicsEnvironment;
import java.util.List;

/** Adds ROIs to the ROI Manager when one can exist (not in a truly headless JVM, where overlays carry them). */
public final class RoiManagers {
    private RoiManagers() {
    }

    /** Adds {@code rois} (with their slice positions) for {@code imp}; false when headless. */
    public static boolean addAll(List<Roi> rois, ImagePlus imp) {
        if (GraphicsEnvironment.isHeadless() || rois.isEmpty()) {
            return false;
        }
        RoiManager rm = Interpreter.isBatchMode() ? Interpreter.getBatchModeRoiManager() : null;
        rm = rm != null ? rm : RoiManager.getRoiManager();
        for (Roi r : rois) {
            rm.add((Roi) r.clone(), r.getPosition());
        }
        return true;
    }
}
