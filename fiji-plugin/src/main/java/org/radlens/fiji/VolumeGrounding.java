package org.radlens.fiji;

import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.measure.ResultsTable;
import java.util.ArrayList;
import java.util.List;
import org.radlens.models.InferenceException;
import org.radlens.models.RadLensModel;
import org.radlens.models.grounding.HeatMap;

/**
 * Grounding a query in a stack with the 2D grounder, slice by slice; overlays coloured on one scale for the whole
 * volume. The volume score is the highest similarity on any processed slice.
 */
public final class VolumeGrounding {
    private VolumeGrounding() {
    }

    /** The maps of slices {@code from..to} (1-based) every {@code step}th, and the best slice. */
    public record Result(List<HeatMap> maps, List<Integer> slices, float min, float max, int bestSlice) {
    }

    /** Grounds {@code query} on the chosen slices; Esc stops between slices. */
    public static Result ground(RadLensModel model, ImagePlus imp, String query, int from, int to, int step)
            throws InferenceException, Cancelled {
        List<HeatMap> maps = new ArrayList<>();
        List<Integer> slices = new ArrayList<>();
        int total = (to - from) / step + 1;
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        int best = from;
        for (int z = from; z <= to; z += step) {
            Commands.step("Ground in Volume", maps.size(), total);
            HeatMap m = model.grounder().heatMap(ImagePlusConversions.toImage2D(imp, z), query);
            float[] r = m.range();
            lo = Math.min(lo, r[0]);
            best = r[1] > hi ? z : best;
            hi = Math.max(hi, r[1]);
            maps.add(m);
            slices.add(z);
        }
        return new Result(maps, slices, lo, hi, best);
    }

    /** One heat-map overlay per processed slice (positioned on it) and the Results rows. */
    public static void show(Result r, ImagePlus imp, String lut, double opacity) {
        ResultsTable rt = Tables.fresh();
        List<ImageRoi> rois = new ArrayList<>();
        for (int i = 0; i < r.maps().size(); i++) {
            HeatMap m = r.maps().get(i);
            ImageRoi heat = Overlays.heatMap(m.values(), m.width(), m.height(), r.min(), r.max(), lut, opacity);
            heat.setName("RadLens heat map: " + m.query() + " slice " + r.slices().get(i));
            heat.setPosition(imp.getStackSize() > 1 ? r.slices().get(i) : 0);
            rois.add(heat);
            rt.incrementCounter();
            rt.addValue("Slice", String.valueOf(r.slices().get(i)));
            rt.addValue("Max", m.range()[1]);
            rt.addValue("Mean", mean(m.values()));
        }
        Overlays.addAll(imp, rois);
        rt.incrementCounter();
        rt.addValue("Slice", "volume");
        rt.addValue("Max", r.max());
        rt.addValue("Best slice", r.bestSlice());
        Tables.show(rt);
    }

    private static double mean(float[] v) {
        double sum = 0;
        for (float f : v) {
            sum += f;
        }
        return sum / v.length;
    }
}
