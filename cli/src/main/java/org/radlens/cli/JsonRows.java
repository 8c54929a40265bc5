package org.radlens.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonArray;
import java.util.ArrayList;
import java.util.List;
import org.radlens.models.grounding.Grounding;
import org.radlens.models.grounding.PixelBox;
import org.radlens.models.zeroshot.FindingScore;

/** JSON forms of result records. */
final class JsonRows {
    private JsonRows() {
    }

    static JsonObject box(PixelBox b) {
        JsonObject o = new JsonObject();
        o.addProperty("x", b.x());
        o.addProperty("y", b.y());
        o.addProperty("w", b.w());
        o.addProperty("h", b.h());
        o.addProperty("score", b.score());
        return o;
    }

    /**
     * Zero-shot scores added to {@code json} as "findings" (finding, probability, positive and negative similarity),
     * with the same four columns as table rows.
     */
    static ImageBatch.Result findings(JsonObject json, List<FindingScore> scores) {
        JsonArray arr = new JsonArray();
        List<List<String>> rows = new ArrayList<>();
        for (FindingScore s : scores) {
            JsonObject o = new JsonObject();
            o.addProperty("finding", s.finding());
            o.addProperty("probability", s.probability());
            o.addProperty("positive_similarity", s.positiveSimilarity());
            o.addProperty("negative_similarity", s.negativeSimilarity());
            arr.add(o);
            rows.add(List.of(s.finding(), ImageBatch.fmt(s.probability()), ImageBatch.fmt(s.positiveSimilarity()),
                    ImageBatch.fmt(s.negativeSimilarity())));
        }
        json.add("findings", arr);
        return new ImageBatch.Result(json, rows);
    }

    /** A query's grounding: stream, threshold, map range and boxes. */
    static JsonObject grounding(String query, Grounding g) {
        JsonObject o = new JsonObject();
        o.addProperty("query", query);
        o.addProperty("stream", g.map().stream().name());
        o.addProperty("threshold", g.threshold());
        float[] range = g.map().range();
        o.addProperty("min", range[0]);
        o.addProperty("max", range[1]);
        JsonArray boxes = new JsonArray();
        g.boxes().forEach(b -> boxes.add(box(b)));
        o.add("boxes", boxes);
        return o;
    }
}
