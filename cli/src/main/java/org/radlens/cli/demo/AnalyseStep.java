package org.radlens.cli.demo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radlens.cli.Overlays;
import org.radlens.models.DefaultModel;
import org.radlens.models.InferenceException;
import org.radlens.models.ModelLoadException;
import org.radlens.models.RadLensModel;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.grounding.Grounding;
import org.radlens.models.zeroshot.FindingScore;
import org.radlens.pipeline.render.OverlayRenderer;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.LabelMask;

/**
 * The main job on every sample read so far, with the default model package: zero-shot findings, a grounding heat map
 * for "pneumonia" (pathology stream) and "right lung" (anatomy stream) with boxes, and the lung mask from the
 * segmentation head, each written as a PNG overlay next to {@code summary.json}.
 */
public final class AnalyseStep implements DemoStep {
    static final List<String> QUERIES = List.of("pneumonia", "right lung");

    @Override
    public String name() {
        return "classify-ground-segment";
    }

    @Override
    public StepReport run(DemoContext context) throws IOException {
        Path pkg = locate();
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> results = new ArrayList<>();
        try (RadLensModel model = RadLensModel.open(pkg)) {
            lines.add("model " + model.manifest().name() + " " + model.manifest().version() + " (" + pkg + ")");
            for (SampleImage sample : context.images()) {
                results.add(analyse(model, sample, context.out(), lines));
            }
        } catch (ModelLoadException | InferenceException e) {
            throw new IOException(e.getMessage(), e);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model", pkg.toString());
        details.put("images", results);
        return new StepReport(name(), lines, details);
    }

    private static Path locate() throws IOException {
        try {
            return DefaultModel.locate();
        } catch (ModelLoadException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Map<String, Object> analyse(RadLensModel model, SampleImage sample, Path out, List<String> lines)
            throws InferenceException, IOException {
        Image2D image = sample.image();
        String stem = Overlays.stem(sample.file()) + "_" + extension(sample.file());
        ImageEmbedding encoded = model.imageEncoder().encode(image); // one encoding serves every step below
        BufferedImage grey = OverlayRenderer.grey(image);
        List<FindingScore> scores = new ArrayList<>(model.classifier().classify(encoded,
                model.classifier().defaultFindings()));
        scores.sort(Comparator.comparingDouble(FindingScore::probability).reversed());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", sample.file().getFileName().toString());
        Map<String, Double> findings = new LinkedHashMap<>();
        scores.forEach(s -> findings.put(s.finding(), round(s.probability())));
        r.put("findings", findings);
        StringBuilder top = new StringBuilder();
        for (FindingScore s : scores.subList(0, Math.min(3, scores.size()))) {
            top.append(String.format(Locale.ROOT, "%s %.3f  ", s.finding(), s.probability()));
        }
        lines.add(sample.file().getFileName() + ": " + top.toString().trim());
        Map<String, Object> grounded = new LinkedHashMap<>();
        for (String query : QUERIES) {
            Grounding g = model.grounder().locate(encoded, query);
            Path png = out.resolve(stem + "_" + Overlays.slug(query) + ".png");
            Overlays.write(OverlayRenderer.heat(copy(grey), g.map(), g.boxes()), png);
            grounded.put(query, Map.of("boxes", g.boxes().size(), "overlay", png.getFileName().toString()));
        }
        r.put("grounding", grounded);
        LabelMask lungs = model.segmenter().segment(encoded);
        Path maskPng = out.resolve(stem + "_lungs.png");
        Overlays.write(OverlayRenderer.outline(grey, lungs), maskPng);
        long pixels = lungs.count(1);
        r.put("lung_pixels", pixels);
        r.put("mask_source", lungs.source());
        String area = "pixel spacing unknown";
        if (!"OT".equals(image.intensity().modality())) { // PNG/JPEG carry no spacing: no area in mm²
            double mm2 = pixels * image.geometry().spacing(0) * image.geometry().spacing(1);
            r.put("lung_area_mm2", round(mm2));
            area = String.format(Locale.ROOT, "%.0f mm² at %.3g mm/px", mm2, image.geometry().spacing(0));
        }
        lines.add(String.format(Locale.ROOT, "  lungs: %d px (%s, %s); overlays %s_*.png", pixels, area,
                lungs.source(), stem));
        return r;
    }

    /** The overlays draw on their base image: each gets its own copy of the grey image. */
    private static BufferedImage copy(BufferedImage img) {
        BufferedImage c = new BufferedImage(img.getWidth(), img.getHeight(), img.getType());
        c.getGraphics().drawImage(img, 0, 0, null);
        return c;
    }

    private static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "img" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
