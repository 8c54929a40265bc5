package org.radlens.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonArray;
import org.radlens.models.grounding.Box;
import org.radlens.models.grounding.Grounding;

/** JSON forms of result records. */
final class JsonRows {
    private JsonRows() {
    }

    static JsonObject box(Box b) {
        JsonObject o = new JsonObject();
        o.addProperty("x", b.x());
        o.addProperty("y", b.y());
        o.addProperty("w", b.w());
        o.addProperty("h", b.h());
        o.addProperty("score", b.score());
        return o;
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
