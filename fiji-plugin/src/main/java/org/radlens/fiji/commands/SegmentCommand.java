package org.radlens.fiji.commands;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import ij.process.ByteProcessor;
import java.util.List;
import org.radlens.fiji.Calibrations;
import org.radlens.fiji.Commands;
import org.radlens.fiji.DerivedImages;
import org.radlens.fiji.InputChecks;
import org.radlens.fiji.ModelSession;
import org.radlens.fiji.Overlays;
import org.radlens.fiji.RoiManagers;
import org.radlens.fiji.Tables;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.LabelMask;

/**
 * Plugins › RadLens › Segment: the package's segmentation of the current image as an 8-bit label image (same
 * calibration), one traced ROI per class in the overlay and the ROI Manager, and a Results row per class
 * (Class, Label, Pixels, Area in mm²). Macro: {@code run("Segment", "labels rois");}
 */
public final class SegmentCommand implements PlugIn {
    public static final String TITLE = "Segment";

    public record Params(boolean labelImage, boolean roiManager) {
    }

    /** The mask, its label image (null when not asked for, not shown) and the class ROIs added to the overlay. */
    public record Outcome(LabelMask mask, ImagePlus labelImage, List<Roi> rois) {
    }

    @Override
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        GenericDialog gd = new GenericDialog("RadLens " + TITLE);
        gd.addCheckbox("labels image", true);
        gd.addCheckbox("rois in ROI Manager", true);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        Params p = new Params(gd.getNextBoolean(), gd.getNextBoolean());
        Commands.run(TITLE, () -> {
            Outcome o = execute(imp, p, ModelSession.shared());
            if (o.labelImage() != null) {
                o.labelImage().show();
            }
        });
    }

    public static Outcome execute(ImagePlus imp, Params p, ModelSession session) throws Exception {
        Image2D img = InputChecks.radiograph(imp, TITLE);
        try (ModelSession.Lease lease = session.acquire()) {
            IJ.showStatus("RadLens: segmenting " + imp.getTitle() + "…");
            LabelMask mask = lease.model().segmenter().segment(img);
            List<Roi> rois = Overlays.classRois(mask, 0);
            Overlays.addAll(imp, rois, imp.getCurrentSlice());
            if (p.roiManager()) {
                RoiManagers.addAll(rois, imp);
            }
            ResultsTable rt = Tables.fresh();
            double pixelArea = img.geometry().spacing(0) * img.geometry().spacing(1);
            for (int c = 1; c <= mask.classNames().size(); c++) {
                rt.incrementCounter();
                rt.addValue("Class", mask.classNames().get(c - 1));
                rt.addValue("Label", c);
                rt.addValue("Pixels", mask.count(c));
                rt.addValue("Area (mm^2)", mask.count(c) * pixelArea);
                rt.addValue("Source", mask.source());
            }
            Tables.show(rt);
            return new Outcome(mask, p.labelImage() ? labelImage(mask, imp, img) : null, rois);
        }
    }

    private static ImagePlus labelImage(LabelMask mask, ImagePlus source, Image2D img) {
        ByteProcessor bp = new ByteProcessor(mask.width(), mask.height(), mask.labels(), Overlays.labelLut());
        ImagePlus labels = new ImagePlus(source.getTitle() + " labels", bp);
        Calibrations.apply(img.geometry(), mask.width(), mask.height(), 1, labels);
        labels.setDisplayRange(0, 255);
        labels.setProp(DerivedImages.CLASSES_PROPERTY, String.join(";", mask.classNames()));
        DerivedImages.mark(labels, DerivedImages.LABELS);
        return labels;
    }
}
