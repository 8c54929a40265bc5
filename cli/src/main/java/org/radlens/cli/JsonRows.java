package org.radlens.cli;

import com.google.gson.JsonObject;
import org.radlens.models.grounding.Box;

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
}
