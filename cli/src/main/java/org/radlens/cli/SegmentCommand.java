package org.radlens.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.radlens.models.ModelLoadException;
import org.radlens.models.RadLensModel;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.pipeline.render.OverlayRenderer;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.LabelMask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code radlens segment}: label masks in the original geometry. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Segmentation with the package's head, or thresholded grounding maps of --region names.")
final class SegmentCommand implements Callable<Integer> {
    @Mixin
    ModelOptions options;

    @Mixin
    VolumeOptionsMixin volume;

    @Option(names = "--region", paramLabel = "NAME",
            description = "Segment these regions from grounding maps instead of the head (repeatable).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--dicom-seg", description = "With --out, for DICOM series folders: also write <stem>_seg.dcm, a "
            + "multi-frame DICOM SEG (one segment per class, frames on the slices holding it) referencing the series.")
    boolean dicomSeg;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files, NIfTI volumes or DICOM series folders "
            + "(volumes: largest 3D component per class; --out writes a NIfTI label mask).")
    List<Path> images;

    @Spec
    CommandSpec spec;

    private final ImageSource source;

    SegmentCommand() {
        this(ImageSources.standard());
    }

    SegmentCommand(ImageSource source) {
        this.source = source;
    }

    @Override
    public Integer call() {
        if (dicomSeg && options.out == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--dicom-seg needs --out DIR");
        }
        try (RadLensModel model = options.open()) {
            return ImageBatch.run(images, new ImageBatch.Job(source, options.gate(model, spec),
                    (file, image, e) -> segment(model, file, image, e),
                    (file, v) -> VolumeResults.segment(model, file, v, regions, volume, options.out, dicomSeg)),
                    options.output(List.of("label", "class", "pixels", "area_mm2", "source"), spec));
        } catch (ModelLoadException e) {
            spec.commandLine().getErr().println("radlens segment: " + e.getMessage());
            return 1;
        }
    }

    private ImageBatch.Result segment(RadLensModel model, Path file, Image2D image, ImageEmbedding e)
            throws Exception {
        LabelMask mask = regions.isEmpty() ? model.segmenter().segment(e) : model.segmenter().segment(e, regions);
        double pixelArea = mask.geometry().spacing(0) * mask.geometry().spacing(1);
        JsonArray classes = new JsonArray();
        List<List<String>> rows = new ArrayList<>();
        for (int label = 1; label <= mask.classNames().size(); label++) {
            long n = mask.count(label);
            JsonObject c = new JsonObject();
            c.addProperty("label", label);
            c.addProperty("name", mask.classNames().get(label - 1));
            c.addProperty("pixels", n);
            c.addProperty("area_mm2", n * pixelArea);
            classes.add(c);
            rows.add(List.of("" + label, mask.classNames().get(label - 1), "" + n, ImageBatch.fmt(n * pixelArea),
                    mask.source()));
        }
        JsonObject json = new JsonObject();
        json.addProperty("source", mask.source());
        json.addProperty("width", mask.width());
        json.addProperty("height", mask.height());
        json.add("classes", classes);
        if (options.out != null) {
            Path png = options.out.resolve(Overlays.stem(file) + "_mask.png");
            Overlays.write(OverlayRenderer.outline(OverlayRenderer.grey(image), mask), png);
            json.addProperty("overlay", png.toString());
        }
        return new ImageBatch.Result(json, rows);
    }
}
