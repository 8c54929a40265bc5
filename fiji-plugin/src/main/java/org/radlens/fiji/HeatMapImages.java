package org.radlens.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import java.util.List;
import org.radlens.models.grounding.HeatMap;
import org.radlens.volume3d.VoxelGeometry;

/** Heat maps as 32-bit images (values = cosine similarity) on the source's grid, with its calibration. */
public final class HeatMapImages {
    private HeatMapImages() {
    }

    /**
     * One slice per map, placed by {@code geometry} (the first map's slice; k spacing = the step between maps),
     * titled after the source and the query, coloured with {@code lut}.
     */
    public static ImagePlus of(List<HeatMap> maps, ImagePlus source, VoxelGeometry geometry, String lut) {
        HeatMap first = maps.get(0);
        ImageStack stack = new ImageStack(first.width(), first.height());
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (HeatMap m : maps) {
            stack.addSlice(new FloatProcessor(m.width(), m.height(), m.values()));
            lo = Math.min(lo, m.range()[0]);
            hi = Math.max(hi, m.range()[1]);
        }
        ImagePlus imp = new ImagePlus(source.getTitle() + " heat map (" + first.query() + ")", stack);
        Calibration cal = source.getCalibration().copy();
        cal.disableDensityCalibration();
        cal.setValueUnit(DerivedImages.HEAT_MAP_UNIT);
        imp.setCalibration(cal);
        Calibrations.apply(geometry, first.width(), first.height(), maps.size(), imp);
        imp.getProcessor().setColorModel(Overlays.lut(lut));
        if (maps.size() > 1) {
            imp.getStack().setColorModel(Overlays.lut(lut));
        }
        imp.setDisplayRange(lo, hi);
        DerivedImages.mark(imp, DerivedImages.HEAT_MAP);
        return imp;
    }
}
