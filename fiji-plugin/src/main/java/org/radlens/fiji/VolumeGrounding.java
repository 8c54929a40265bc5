package org.radlens.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.measure.ResultsTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radlens.models.InferenceException;
import org.radlens.models.RadLensModel;
import org.radlens.models.volume.HeatMap3D;
import org.radlens.models.volume.VolumeEncodingStopped;
import org.radlens.models.volume.VolumeGrounder;
import org.radlens.models.volume.VolumeOptions;

/**
 * Grounding a query in a stack through the models' {@link VolumeGrounder}, as {@code radlens ground} grounds a
 * volume: the chosen slices are grounded as one volume (axial slices, {@link VolumeOptions#defaults()}, the query's
 * stream chosen once for the volume) into a {@link HeatMap3D} on their own voxels; overlays are coloured on one
 * scale for the whole volume. The volume score is the highest similarity anywhere, at the first voxel that has it
 * (in voxel order, as the command line reports its peak).
 */
public final class VolumeGrounding {
    private VolumeGrounding() {
    }

    /**
     * The heat map of the chosen slices (slice k of the map is ImageJ slice {@code slices.get(k)}) and its peak
     * voxel {x, y, k} in the map.
     */
    public record Result(HeatMap3D map, List<Integer> slices, int[] peak) {
        /** The ImageJ slice (1-based) holding the peak. */
        public int bestSlice() {
            return slices.get(peak[2]);
        }

        /** The highest similarity. */
        public float max() {
            return map.range()[1];
        }
    }

    /** Grounds {@code query} on slices {@code from..to} (1-based) every {@code step}th; Esc stops between batches. */
    public static Result ground(RadLensModel model, ImagePlus imp, String query, int from, int to, int step,
                                String command) throws InferenceException, Cancelled {
        HeatMap3D m;
        try {
            m = model.volumeGrounder().heatMap(ImagePlusConversions.toVolume(imp, from, to, step), query,
                    VolumeOptions.defaults(), Commands.progress(command));
        } catch (VolumeEncodingStopped stopped) {
            throw new Cancelled(command);
        }
        List<Integer> slices = new ArrayList<>();
        for (int z = from; z <= to; z += step) {
            slices.add(z);
        }
        return new Result(m, slices, m.peak());
    }

    /** One heat-map overlay per processed slice (positioned on it), the Results rows and one Log line. */
    public static void show(Result r, ImagePlus imp, String lut, double opacity, String command) {
        HeatMap3D m = r.map();
        float[] values = m.values();
        int n = m.nx() * m.ny();
        float[] range = m.range();
        ResultsTable rt = Tables.fresh();
        List<ImageRoi> rois = new ArrayList<>();
        for (int k = 0; k < m.nz(); k++) {
            float[] slice = new float[n];
            System.arraycopy(values, k * n, slice, 0, n);
            ImageRoi heat = Overlays.heatMap(slice, m.nx(), m.ny(), range[0], range[1], lut, opacity);
            heat.setName("RadLens heat map: " + m.query() + " slice " + r.slices().get(k));
            heat.setPosition(imp.getStackSize() > 1 ? r.slices().get(k) : 0);
            rois.add(heat);
            rt.incrementCounter();
            rt.addValue("Slice", String.valueOf(r.slices().get(k)));
            rt.addValue("Max", max(slice));
            rt.addValue("Mean", mean(slice));
        }
        Overlays.addAll(imp, rois);
        rt.incrementCounter();
        rt.addValue("Slice", "volume");
        rt.addValue("Max", r.max());
        rt.addValue("Mean", mean(values));
        rt.addValue("Best slice", r.bestSlice());
        rt.addValue("Peak x", r.peak()[0]);
        rt.addValue("Peak y", r.peak()[1]);
        rt.addValue("Stream", m.stream().name().toLowerCase(Locale.ROOT));
        Tables.show(rt);
        IJ.log(String.format(Locale.ROOT, "RadLens %s: \"%s\" on %d slice(s), %s stream; max %.4f at x %d, y %d, "
                + "slice %d", command, m.query(), m.nz(), m.stream().name().toLowerCase(Locale.ROOT), r.max(),
                r.peak()[0], r.peak()[1], r.bestSlice()));
    }

    private static double max(float[] v) {
        float hi = Float.NEGATIVE_INFINITY;
        for (float f : v) {
            hi = Math.max(hi, f);
        }
        return hi;
    }

    private static double mean(float[] v) {
        double sum = 0;
        for (float f : v) {
            sum += f;
        }
        return sum / v.length;
    }
}
