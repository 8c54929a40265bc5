package org.radlens.validation.eval;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.radlens.validation.metrics.BinaryMask;
import org.radlens.validation.metrics.Segmentation;
import org.radlens.validation.metrics.SurfaceDistances;
import org.radlens.validation.report.EvalReport;
import org.radlens.validation.report.Overlays;
import org.radlens.validation.report.Reports;

/**
 * Segmentation over a manifest with columns {@code image}, {@code mask} (reference; non-zero = the class) and
 * optionally {@code class}: Dice, IoU, HD95 and average surface distance per row, summarised overall and per
 * class. Distances use the predicted mask's spacing (the model reads the image's geometry); the reference must
 * lie on the same grid. Files without geometry (PNG) give 1 mm pixels, i.e. distances in pixels.
 */
public final class SegmentationEvaluation {
    private SegmentationEvaluation() {
    }

    public static EvalReport run(Manifest m, MaskSource source, MaskReader reader, EvalSettings st)
            throws ManifestException, EvalException, IOException {
        m.requireColumns("image", "mask");
        m.requireFiles("image");
        m.requireFiles("mask");
        OutputDir.prepare(st.out(), st.force());
        String fp = "segmentation|" + source.model().sha256() + "|" + m.sha256();
        List<String> failures = new ArrayList<>();
        List<ItemLoop.Scored> scored;
        try (ItemCache cache = ItemCache.open(st.out(), fp)) {
            scored = ItemLoop.run(m.rows(), r -> r.line() + ":" + r.get("image") + ":" + r.get("class"),
                    r -> score(m, r, source, reader), cache, failures);
        }
        ItemLoop.requireSome(scored, failures);
        ItemTable.write(st.out(), scored, List.of("image", "mask", "class"));
        Map<String, Object> metrics = summary(scored);
        TreeSet<String> classes = new TreeSet<>();
        scored.forEach(s -> classes.add(s.row().get("class")));
        if (classes.size() > 1) {
            Map<String, Object> per = new LinkedHashMap<>();
            for (String c : classes) {
                per.put(c, summary(scored.stream().filter(s -> s.row().get("class").equals(c)).toList()));
            }
            metrics.put("per_class", per);
        }
        Map<String, String> plots = examples(m, scored, source, reader, st);
        EvalReport report = new EvalReport("segmentation", scored.size(), metrics, source.model().name(),
                source.model().sha256(), m.origin(), m.sha256(), failures, plots,
                List.of("surface = mask voxels with a face neighbour in the background or outside the image "
                                + "(scipy binary_erosion, border_value=0); HD95 = 95th percentile of both directed "
                                + "distance sets pooled; ASD = mean of the pooled distances",
                        "distances in mm from the image spacing (pixels when the files carry none); items with an "
                                + "empty mask have no surface distance and are counted in surface_undefined"),
                Summaries.segmentation(metrics));
        Reports.write(st.out(), report);
        return report;
    }

    private static JsonObject score(Manifest m, Manifest.Row r, MaskSource source, MaskReader reader)
            throws SourceException, IOException {
        Pair p = masks(m, r, source, reader);
        JsonObject o = new JsonObject();
        o.addProperty("dice", Segmentation.dice(p.pred(), p.ref()));
        o.addProperty("iou", Segmentation.iou(p.pred(), p.ref()));
        if (p.pred().count() > 0 && p.ref().count() > 0) {
            SurfaceDistances sd = Segmentation.surfaceDistances(p.pred(), p.ref());
            o.addProperty("hd95", sd.hausdorff95());
            o.addProperty("asd", sd.averageSurfaceDistance());
            o.addProperty("hd", sd.hausdorff());
        }
        return o;
    }

    private record Pair(BinaryMask pred, BinaryMask ref) {
    }

    private static Pair masks(Manifest m, Manifest.Row r, MaskSource source, MaskReader reader)
            throws SourceException, IOException {
        BinaryMask pred = source.mask(m.resolve(r.get("image")), r.get("class"));
        BinaryMask ref = reader.read(m.resolve(r.get("mask")), -1);
        if (!ref.grid().sameSize(pred.grid())) {
            throw new SourceException("predicted mask " + pred.width() + "x" + pred.height() + "x" + pred.depth()
                    + " and reference " + ref.width() + "x" + ref.height() + "x" + ref.depth() + " differ in size");
        }
        return new Pair(pred, ref.onGrid(pred.grid()));
    }

    private static Map<String, Object> summary(List<ItemLoop.Scored> scored) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dice", Aggregates.describe(values(scored, "dice")));
        m.put("iou", Aggregates.describe(values(scored, "iou")));
        m.put("hd95_mm", Aggregates.describe(values(scored, "hd95")));
        m.put("asd_mm", Aggregates.describe(values(scored, "asd")));
        m.put("surface_undefined", (double) (scored.size() - values(scored, "hd95").length));
        return m;
    }

    static double[] values(List<ItemLoop.Scored> scored, String key) {
        return scored.stream().filter(s -> s.value().has(key)).mapToDouble(s -> s.value().get(key).getAsDouble())
                .toArray();
    }

    private static Map<String, String> examples(Manifest m, List<ItemLoop.Scored> scored, MaskSource source,
                                                MaskReader reader, EvalSettings st) throws IOException {
        Map<String, String> plots = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(st.examples(), scored.size()); i++) {
            Manifest.Row r = scored.get(i).row();
            Path png = st.out().resolve("example-" + (i + 1) + ".png");
            try {
                Pair p = masks(m, r, source, reader);
                if (p.ref().depth() == 1) {
                    Overlays.segmentation(ImageIoFiles.readForDisplay(m.resolve(r.get("image"))), p.pred(), p.ref(),
                            png);
                    plots.put(String.format(java.util.Locale.ROOT, "Example %d: %s (Dice %.3f; green reference, red "
                            + "prediction)", i + 1, r.get("image"), scored.get(i).value().get("dice").getAsDouble()),
                            png.getFileName().toString());
                }
            } catch (SourceException | IOException e) {
                plots.put("Example " + (i + 1) + " not drawn: " + e.getMessage(), "");
            }
        }
        return plots;
    }
}
