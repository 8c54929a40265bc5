package org.radlens.validation.eval;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.radlens.validation.metrics.BinaryMask;
import org.radlens.validation.metrics.Grounding;
import org.radlens.validation.metrics.ReferenceBox;
import org.radlens.validation.report.EvalReport;
import org.radlens.validation.report.Reports;
import org.radlens.volume3d.Image2D;

/**
 * Phrase grounding over a manifest with columns {@code image, query, x, y, w, h} (boxes in image pixels, COCO
 * top-left convention). Rows sharing image and query form one item whose target is the union of their boxes.
 * Per item: pointing game hit, IoU and Dice of the map thresholded at {@code threshold} after min–max scaling
 * to [0, 1], and CNR of the raw map. Summaries: pointing accuracy with a Wilson interval, mean IoU/Dice/CNR,
 * overall and per query.
 */
public final class GroundingEvaluation {
    private GroundingEvaluation() {
    }

    public static EvalReport run(Manifest m, HeatMapSource source, double threshold, EvalSettings st)
            throws ManifestException, EvalException, IOException {
        Map<String, GroundingItem> items = GroundingItem.group(m);
        OutputDir.prepare(st.out(), st.force());
        String fp = "grounding|" + source.model().sha256() + "|" + m.sha256() + "|" + threshold;
        List<String> failures = new ArrayList<>();
        List<ItemLoop.Scored> scored;
        List<Manifest.Row> firstRows = items.values().stream().map(GroundingItem::first).toList();
        try (ItemCache cache = ItemCache.open(st.out(), fp)) {
            scored = ItemLoop.run(firstRows, GroundingItem::key,
                    r -> score(items.get(GroundingItem.key(r)), source, threshold), cache, failures);
        }
        ItemLoop.requireSome(scored, failures);
        ItemTable.write(st.out(), scored, List.of("image", "query"));
        Map<String, Object> metrics = summary(scored);
        TreeSet<String> queries = new TreeSet<>();
        scored.forEach(s -> queries.add(s.row().get("query")));
        Map<String, Object> per = new LinkedHashMap<>();
        for (String q : queries) {
            per.put(q, summary(scored.stream().filter(s -> s.row().get("query").equals(q)).toList()));
        }
        metrics.put("per_query", per);
        metrics.put("threshold_after_minmax", threshold);
        Map<String, String> plots = GroundingItem.examples(scored, items, source, st);
        EvalReport report = new EvalReport("grounding", scored.size(), metrics, source.model().name(),
                source.model().sha256(), m.origin(), m.sha256(), failures, plots,
                List.of("one item per (image, query); target = union of its boxes; a pixel is in a box when its "
                                + "centre is",
                        "pointing game: first maximum of the map (row-major) inside the target; CNR = |mean_in - "
                                + "mean_out| / sqrt(var_in + var_out), population variances; items where CNR is "
                                + "undefined are counted in cnr_undefined"),
                Summaries.grounding(metrics));
        Reports.write(st.out(), report);
        return report;
    }

    private static JsonObject score(GroundingItem item, HeatMapSource source, double threshold)
            throws SourceException {
        Image2D heat = source.heatMap(item.image(), item.query());
        BinaryMask target = item.target(heat.width(), heat.height());
        JsonObject o = new JsonObject();
        o.addProperty("hit", Grounding.pointingHit(heat, target));
        Image2D scaled = GroundingItem.minMax(heat);
        o.addProperty("iou", Grounding.iou(scaled, target, threshold));
        o.addProperty("dice", Grounding.dice(scaled, target, threshold));
        try {
            o.addProperty("cnr", Grounding.cnr(heat, target));
        } catch (IllegalArgumentException e) {
            o.addProperty("cnr_undefined", e.getMessage());
        }
        return o;
    }

    private static Map<String, Object> summary(List<ItemLoop.Scored> scored) {
        long hits = scored.stream().filter(s -> s.value().get("hit").getAsBoolean()).count();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pointing_game", Aggregates.proportion(hits, scored.size()));
        m.put("iou", Aggregates.describe(SegmentationEvaluation.values(scored, "iou")));
        m.put("dice", Aggregates.describe(SegmentationEvaluation.values(scored, "dice")));
        double[] cnr = SegmentationEvaluation.values(scored, "cnr");
        m.put("cnr", Aggregates.describe(cnr));
        m.put("cnr_undefined", (double) (scored.size() - cnr.length));
        return m;
    }

    /** Boxes of a row (used by suites and tests). */
    static ReferenceBox box(Manifest.Row r) {
        return new ReferenceBox(Double.parseDouble(r.get("x")), Double.parseDouble(r.get("y")),
                Double.parseDouble(r.get("w")), Double.parseDouble(r.get("h")));
    }
}
