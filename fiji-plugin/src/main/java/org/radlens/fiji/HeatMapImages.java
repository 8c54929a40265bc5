package org.radlens.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import java.util.List;
import org.radlens.models.grounding.HeatMap;
import org.radlens.models.volume.HeatMap3D;
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
        return image(stack, source, geometry, first.query(), lut, new float[] {lo, hi});
    }

    /** The voxels of a volume heat map, slice by slice, placed by the map's own geometry. */
    public static ImagePlus of(HeatMap3D map, ImagePlus source, String lut) {
        float[] values = map.values();
        int n = map.nx() * map.ny();
        ImageStack stack = new ImageStack(map.nx(), map.ny());
        for (int k = 0; k < map.nz(); k++) {
            float[] slice = new float[n];
            System.arraycopy(values, k * n, slice, 0, n);
            stack.addSlice(new FloatProcessor(map.nx(), map.ny(), slice));
        }
        return image(stack, source, map.geometry(), map.query(), lut, map.range());
    }

    private static ImagePlus image(ImageStack stack, ImagePlus source, VoxelGeometry geometry, String query,
                                   String lut, float[] range) {
        ImagePlus imp = new ImagePlus(source.getTitle() + " heat map (" + query + ")", stack);
        Calibration cal = source.getCalibration().copy();
        cal.disableDensityCalibration();
        cal.setValueUnit(DerivedImages.HEAT_MAP_UNIT);
        imp.setCalibration(cal);
        Calibrations.apply(geometry, stack.getWidth(), stack.getHeight(), stack.getSize(), imp);
        imp.getProcessor().setColorModel(Overlays.lut(lut));
        if (stack.getSize() > 1) {
            imp.getStack().setColorModel(Overlays.lut(lut));
        }
        imp.setDisplayRange(range[0], range[1]);
        DerivedImages.mark(imp, DerivedImages.HEAT_MAP);
        return imp;
    }
}
