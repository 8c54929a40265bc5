package org.radlens.validation.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radlens.validation.metrics.BinaryMask;
import org.radlens.validation.metrics.ReferenceBox;
import org.radlens.validation.report.Overlays;
import org.radlens.volume3d.Image2D;

/** One grounding item: an image, a query and the boxes of every manifest row that names them. */
record GroundingItem(Path image, String query, List<ReferenceBox> boxes, Manifest.Row first) {

    static String key(Manifest.Row r) {
        return r.get("image") + "\u0000" + r.get("query");
    }

    /** Validates the manifest and groups its rows by (image, query), in first-seen order. */
    static Map<String, GroundingItem> group(Manifest m) throws ManifestException {
        m.requireColumns("image", "query", "x", "y", "w", "h");
        List<String> problems = new ArrayList<>();
        Map<String, GroundingItem> items = new LinkedHashMap<>();
        for (Manifest.Row r : m.rows()) {
            ReferenceBox b;
            try {
                b = GroundingEvaluation.box(r);
            } catch (IllegalArgumentException e) { // NumberFormatException included
                problems.add("line " + r.line() + ": bad box (" + r.get("x") + ", " + r.get("y") + ", " + r.get("w")
                        + ", " + r.get("h") + "): " + e.getMessage());
                continue;
            }
            if (r.get("query").isBlank()) {
                problems.add("line " + r.line() + ": empty query");
                continue;
            }
            items.computeIfAbsent(key(r), k -> new GroundingItem(m.resolve(r.get("image")), r.get("query"),
                    new ArrayList<>(), r)).boxes().add(b);
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(m.file() + ": bad grounding rows", problems);
        }
        m.requireFiles("image");
        return items;
    }

    /** Union of the boxes on a width × height grid (1 mm pixels: grounding metrics are unitless). */
    BinaryMask target(int width, int height) {
        boolean[] v = new boolean[width * height];
        for (ReferenceBox b : boxes) {
            boolean[] r = b.rasterize(width, height, 1, 1).values();
            for (int i = 0; i < v.length; i++) {
                v[i] |= r[i];
            }
        }
        return BinaryMask.planar(width, height, v, 1, 1);
    }

    /** The map scaled so its minimum is 0 and maximum 1 (a constant map becomes all 0). */
    static Image2D minMax(Image2D heat) {
        float[] v = heat.channel(0);
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (float f : v) {
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
        }
        float range = hi - lo;
        for (int i = 0; i < v.length; i++) {
            v[i] = range > 0 ? (v[i] - lo) / range : 0f;
        }
        return Image2D.gray(heat.width(), heat.height(), v, heat.geometry(), heat.intensity());
    }

    static Map<String, String> examples(List<ItemLoop.Scored> scored, Map<String, GroundingItem> items,
                                        HeatMapSource source, EvalSettings st) {
        Map<String, String> plots = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(st.examples(), scored.size()); i++) {
            GroundingItem it = items.get(key(scored.get(i).row()));
            Path png = st.out().resolve("example-" + (i + 1) + ".png");
            try {
                Overlays.grounding(ImageIoFiles.readForDisplay(it.image()), source.heatMap(it.image(), it.query()),
                        it.boxes(), png);
                plots.put("Example " + (i + 1) + ": " + it.first().get("image") + " / '" + it.query()
                        + "' (green: reference box, yellow: map maximum)", png.getFileName().toString());
            } catch (SourceException | IOException e) {
                plots.put("Example " + (i + 1) + " not drawn: " + e.getMessage(), "");
            }
        }
        return plots;
    }
}
