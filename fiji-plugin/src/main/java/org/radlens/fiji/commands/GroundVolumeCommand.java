package org.radlens.fiji.commands;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.List;
import org.radlens.fiji.Calibrations;
import org.radlens.fiji.HeatMapImages;
import org.radlens.fiji.InputChecks;
import org.radlens.fiji.ModelSession;
import org.radlens.fiji.UserError;
import org.radlens.fiji.VolumeGrounding;
import org.radlens.fiji.Commands;
import org.radlens.fiji.Overlays;
import org.radlens.models.grounding.HeatMap;
import org.radlens.volume3d.VoxelGeometry;

/**
 * Plugins › RadLens › Ground in Volume: the 2D grounding of a query on every chosen slice, as per-slice heat-map
 * overlays coloured on one scale for the whole volume; Results: Slice, Max, Mean per slice and a "volume" row (the
 * volume score is the highest similarity anywhere, with its slice); optionally the 32-bit heat-map stack.
 * Macro: {@code run("Ground in Volume", "query=lungs opacity=40 lut=fire from=1 to=0 step=1 heatmap");}
 */
public final class GroundVolumeCommand implements PlugIn {
    public static final String TITLE = "Ground in Volume";

    public record Params(String query, double opacity, String lut, int from, int to, int step, boolean heatMapStack) {
    }

    /** The maps of the processed slices (in order), their slice numbers, and the optional heat-map stack. */
    public record Outcome(List<HeatMap> maps, List<Integer> slices, int bestSlice, double volumeScore,
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
            g = VolumeGrounding.ground(lease.model(), imp, p.query(), r[0], r[1], r[2]);
        }
        VolumeGrounding.show(g, imp, p.lut(), p.opacity() / 100);
        VoxelGeometry v = Calibrations.geometry(imp);
        double[] s = v.spacing();
        s[2] *= r[2];
        VoxelGeometry sub = VoxelGeometry.of(s, v.indexToWorld(0, 0, r[0] - 1), v.direction());
        ImagePlus stack = p.heatMapStack() ? HeatMapImages.of(g.maps(), imp, sub, p.lut()) : null;
        return new Outcome(g.maps(), g.slices(), g.bestSlice(), g.max(), stack);
    }
}
