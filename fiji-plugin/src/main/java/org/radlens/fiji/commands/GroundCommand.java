package org.radlens.fiji.commands;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.ImageRoi;
import ij.gui.Roi;
import ij.plugin.PlugIn;
import java.util.List;
import org.radlens.fiji.Commands;
import org.radlens.fiji.HeatMapImages;
import org.radlens.fiji.InputChecks;
import org.radlens.fiji.ModelSession;
import org.radlens.fiji.Overlays;
import org.radlens.fiji.RoiManagers;
import org.radlens.fiji.UserError;
import org.radlens.models.grounding.Grounder;
import org.radlens.models.grounding.Grounding;
import org.radlens.models.grounding.HeatMap;
import org.radlens.volume3d.Image2D;

/**
 * Plugins › RadLens › Ground Text…: the heat map of a text query as a coloured overlay on the current image (its own
 * pixel grid), boxes around the regions above {@code threshold} (fraction of the map's range) in the overlay and the
 * ROI Manager, optionally a 32-bit heat-map image with the source calibration.
 * Macro: {@code run("Ground Text...", "query=[right lung] opacity=50 threshold=0.5 lut=fire heatmap rois");}
 */
public final class GroundCommand implements PlugIn {
    public static final String TITLE = "Ground Text";

    /** Options; {@code opacity} in percent, {@code threshold} a fraction of the map's min..max. */
    public record Params(String query, double opacity, double threshold, String lut, boolean heatMapImage,
                         boolean roiManager) {
    }

    /** What was added: the grounding, the overlay elements and the optional heat-map image (not shown). */
    public record Outcome(Grounding grounding, ImageRoi heat, List<Roi> boxes, ImagePlus heatMapImage) {
    }

    @Override
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        GenericDialog gd = new GenericDialog("RadLens " + TITLE);
        gd.addStringField("query", "pneumonia", 40);
        gd.addSlider("opacity", 0, 100, 50);
        gd.addNumericField("threshold", Grounder.DEFAULT_RELATIVE_THRESHOLD, 2);
        gd.addChoice("lut", Overlays.LUTS, Overlays.LUTS[0]);
        gd.addCheckbox("heatmap image (32-bit)", false);
        gd.addCheckbox("rois in ROI Manager", true);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        Params p = new Params(gd.getNextString(), gd.getNextNumber(), gd.getNextNumber(), gd.getNextChoice(),
                gd.getNextBoolean(), gd.getNextBoolean());
        Commands.run(TITLE, () -> {
            Outcome o = execute(imp, p, ModelSession.shared());
            if (o.heatMapImage() != null) {
                o.heatMapImage().show();
            }
        });
    }

    /** Grounds {@code p.query()} on the current slice of {@code imp} and adds the overlay. */
    public static Outcome execute(ImagePlus imp, Params p, ModelSession session) throws Exception {
        Image2D img = InputChecks.radiograph(imp, TITLE);
        if (p.query() == null || p.query().isBlank()) {
            throw new UserError("Type a query, e.g. \"right lower lobe opacity\" or an anatomy name (\"lungs\").");
        }
        if (!(p.opacity() >= 0 && p.opacity() <= 100) || !(p.threshold() >= 0 && p.threshold() <= 1)) {
            throw new UserError("opacity must be 0-100 and threshold 0-1 (got " + p.opacity() + ", "
                    + p.threshold() + ").");
        }
        try (ModelSession.Lease lease = session.acquire()) {
            IJ.showStatus("RadLens: grounding \"" + p.query() + "\"…");
            HeatMap map = lease.model().grounder().heatMap(img, p.query());
            Grounding g = Grounder.boxes(map, map.relativeThreshold(p.threshold()));
            float[] range = map.range();
            ImageRoi heat = Overlays.heatMap(map.values(), map.width(), map.height(), range[0], range[1], p.lut(),
                    p.opacity() / 100.0);
            heat.setName("RadLens heat map: " + p.query());
            List<Roi> boxes = Overlays.boxes(g.boxes(), p.query());
            Overlays.addAll(imp, List.of(heat), imp.getCurrentSlice());
            Overlays.addAll(imp, boxes, imp.getCurrentSlice());
            if (p.roiManager()) {
                RoiManagers.addAll(boxes, imp);
            }
            ImagePlus heatImage = p.heatMapImage() ? HeatMapImages.of(List.of(map), imp, img.geometry(), p.lut())
                    : null;
            IJ.showStatus("RadLens: \"" + p.query() + "\" " + boxes.size() + " box(es)");
            return new Outcome(g, heat, boxes, heatImage);
        }
    }
}
