package org.radlens.fiji.commands;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.List;
import org.radlens.fiji.HeatMapImages;
import org.radlens.fiji.InputChecks;
import org.radlens.fiji.ModelSession;
import org.radlens.fiji.UserError;
import org.radlens.fiji.VolumeGrounding;
import org.radlens.fiji.Commands;
import org.radlens.fiji.Overlays;
import org.radlens.models.volume.HeatMap3D;

/**
 * Plugins › RadLens › Ground in Volume: the heat map of a query over the chosen slices of a stack, through the
 * models' volume grounder ({@link VolumeGrounding}: the voxels {@code radlens ground} gives for the same volume and
 * package), as per-slice heat-map overlays coloured on one scale for the whole volume; Results: Slice, Max, Mean per
 * slice and a "volume" row (the highest similarity anywhere, its slice and pixel, the query's stream); the Log one
 * line; optionally the 32-bit heat-map stack. Progress bar while slices are encoded; Esc stops.
 * Macro: {@code run("Ground in Volume", "query=lungs opacity=40 lut=fire from=1 to=0 step=1 heatmap");}
 */
public final class GroundVolumeCommand implements PlugIn {
    public static final String TITLE = "Ground in Volume";

    public record Params(String query, double opacity, String lut, int from, int to, int step, boolean heatMapStack) {
    }

    /** The heat map of the processed slices, their slice numbers (in order), and the optional heat-map stack. */
    public record Outcome(HeatMap3D map, List<Integer> slices, int bestSlice, double volumeScore,
                          ImagePlus heatMapStack) {
    }

    @Override
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        GenericDialog gd = new GenericDialog("RadLens " + TITLE);
        gd.addStringField("query", "lungs", 40);
        gd.addSlider("opacity", 0, 100, 50);
        gd.addChoice("lut", Overlays.LUTS, Overlays.LUTS[0]);
        gd.addNumericField("from", 1, 0);
        gd.addNumericField("to", imp == null ? 0 : imp.getStackSize(), 0);
        gd.addNumericField("step", 1, 0);
        gd.addCheckbox("heatmap stack (32-bit)", false);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        Params p = new Params(gd.getNextString(), gd.getNextNumber(), gd.getNextChoice(), (int) gd.getNextNumber(),
                (int) gd.getNextNumber(), (int) gd.getNextNumber(), gd.getNextBoolean());
        Commands.run(TITLE, () -> {
            Outcome o = execute(imp, p, ModelSession.shared());
            if (o.heatMapStack() != null) {
                o.heatMapStack().show();
            }
        });
    }

    public static Outcome execute(ImagePlus imp, Params p, ModelSession session) throws Exception {
        InputChecks.greyStack(imp, TITLE);
        if (p.query() == null || p.query().isBlank()) {
            throw new UserError("Type a query, e.g. \"lungs\" or \"consolidation\".");
        }
        int[] r = SliceRange.check(imp, p.from(), p.to(), p.step());
        VolumeGrounding.Result g;
        try (ModelSession.Lease lease = session.acquire()) {
            g = VolumeGrounding.ground(lease.model(), imp, p.query(), r[0], r[1], r[2], TITLE);
        }
        VolumeGrounding.show(g, imp, p.lut(), p.opacity() / 100, TITLE);
        ImagePlus stack = p.heatMapStack() ? HeatMapImages.of(g.map(), imp, p.lut()) : null;
        return new Outcome(g.map(), g.slices(), g.bestSlice(), g.max(), stack);
    }
}
