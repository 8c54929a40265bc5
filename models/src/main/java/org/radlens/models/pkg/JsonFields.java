package org.radlens.models.pkg;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.radlens.models.ModelLoadException;

import java.util.ArrayList;
import java.util.List;

/** Typed reads from a JSON object that fail with a {@link ModelLoadException} naming the file and the field path. */
final class JsonFields {
    private final String file;
    private final String path;
    private final JsonObject object;

    JsonFields(String file, String path, JsonObject object) {
        this.file = file;
        this.path = path;
        this.object = object;
    }

    boolean has(String key) {
        return object.has(key) && !object.get(key).isJsonNull();
    }

    JsonFields object(String key) throws ModelLoadException {
        JsonElement e = required(key);
        if (!e.isJsonObject()) {
            throw wrong(key, "an object", e);
        }
        return new JsonFields(file, where(key), e.getAsJsonObject());
    }

    JsonObject raw() {
        return object;
    }

    String string(String key) throws ModelLoadException {
        JsonElement e = required(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw wrong(key, "a string", e);
        }
        return e.getAsString();
    }

    String string(String key, String fallback) throws ModelLoadException {
        return has(key) ? string(key) : fallback;
    }

    double number(String key) throws ModelLoadException {
        JsonElement e = required(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw wrong(key, "a number", e);
        }
        return e.getAsDouble();
    }

    double number(String key, double fallback) throws ModelLoadException {
        return has(key) ? number(key) : fallback;
    }

    int positiveInt(String key) throws ModelLoadException {
        double v = number(key);
        if (v != Math.rint(v) || v < 1 || v > Integer.MAX_VALUE) {
            throw new ModelLoadException(file + ": field " + where(key) + " must be a positive integer, found " + v);
        }
        return (int) v;
    }

    List<String> strings(String key) throws ModelLoadException {
        return strings(key, required(key));
    }

    List<String> strings(String key, JsonElement e) throws ModelLoadException {
        if (!e.isJsonArray()) {
            throw wrong(key, "an array of strings", e);
        }
        List<String> out = new ArrayList<>();
        for (JsonElement item : e.getAsJsonArray()) {
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                throw wrong(key, "an array of strings", e);
            }
            out.add(item.getAsString());
        }
        return out;
    }

    List<Double> numbers(String key, int expectedCount) throws ModelLoadException {
        JsonElement e = required(key);
        if (!e.isJsonArray()) {
            throw wrong(key, "an array of " + expectedCount + " numbers", e);
        }
        JsonArray a = e.getAsJsonArray();
        List<Double> out = new ArrayList<>();
        for (JsonElement item : a) {
            if (!(item instanceof JsonPrimitive p) || !p.isNumber()) {
                throw wrong(key, "an array of " + expectedCount + " numbers", e);
            }
            out.add(p.getAsDouble());
        }
        if (out.size() != expectedCount) {
            throw new ModelLoadException(file + ": field " + where(key) + " must have " + expectedCount
                    + " values, found " + out.size());
        }
        return out;
    }

    ModelLoadException invalid(String key, String message) {
        return new ModelLoadException(file + ": field " + where(key) + " " + message);
    }

    String where(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private JsonElement required(String key) throws ModelLoadException {
        if (!has(key)) {
            throw new ModelLoadException(file + ": required field " + where(key) + " is missing");
        }
        return object.get(key);
    }

    private ModelLoadException wrong(String key, String expected, JsonElement found) {
        String text = found.toString();
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return new ModelLoadException(file + ": field " + where(key) + " must be " + expected + ", found " + text);
    }
}
