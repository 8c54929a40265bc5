package org.radlens.models.gate;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radlens.models.ModelLoadException;

/**
 * Reads and writes {@code input-gate.json} (schema {@value #SCHEMA}):
 * <pre>{@code
 * {"schema":"radlens-input-gate/1","method":"prototype-cosine","embedding_dim":D,
 *  "prototypes":[[D floats, unit norm], ...],          // 1..64
 *  "min_cosine":t,
 *  "calibration":{"in_scope_images":n,"in_scope_flag_rate":r,"out_of_scope_images":m,
 *                 "out_of_scope_flag_rate":s,"sources":["..."]}}
 * }</pre>
 * {@code out_of_scope_flag_rate} may be {@code null} (not measured: read as NaN). Every problem is a
 * {@link ModelLoadException} naming the file and the field.
 */
public final class EmbeddingGateFile {
    public static final String SCHEMA = "radlens-input-gate/1";
    public static final int MAX_PROTOTYPES = 64;
    private static final double NORM_TOLERANCE = 1e-3;

    private EmbeddingGateFile() {
    }

    /** Reads and validates {@code file} for a model whose image embedding has {@code embeddingDim} values. */
    public static EmbeddingGate read(Path file, int embeddingDim) throws ModelLoadException {
        String name = String.valueOf(file.getFileName());
        JsonObject o;
        try {
            JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!root.isJsonObject()) {
                throw new ModelLoadException(name + ": the input gate must be a JSON object");
            }
            o = root.getAsJsonObject();
        } catch (IOException e) {
            throw new ModelLoadException(name + ": cannot read the input gate: " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new ModelLoadException(name + ": bad JSON in the input gate: " + e.getMessage(), e);
        }
        try {
            return parse(o, embeddingDim, name);
        } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new ModelLoadException(name + ": malformed input gate: " + e.getMessage(), e);
        }
    }

    private static EmbeddingGate parse(JsonObject o, int dim, String name) throws ModelLoadException {
        expect(o, "schema", SCHEMA, name);
        expect(o, "method", EmbeddingGate.METHOD, name);
        int d = (int) number(o, "embedding_dim", name);
        if (d != dim) {
            throw new ModelLoadException(name + ": embedding_dim is " + d + ", the image encoder's embedding has "
                    + dim + " values");
        }
        JsonElement ps = o.get("prototypes");
        if (ps == null || !ps.isJsonArray() || ps.getAsJsonArray().isEmpty()
                || ps.getAsJsonArray().size() > MAX_PROTOTYPES) {
            throw new ModelLoadException(name + ": prototypes must be an array of 1.." + MAX_PROTOTYPES + " vectors");
        }
        List<float[]> protos = new ArrayList<>();
        for (int k = 0; k < ps.getAsJsonArray().size(); k++) {
            protos.add(unitVector(ps.getAsJsonArray().get(k), dim, name + ": prototypes[" + k + "]"));
        }
        double t = number(o, "min_cosine", name);
        if (t < -1 || t > 1) {
            throw new ModelLoadException(name + ": min_cosine must be within [-1, 1], found " + t);
        }
        JsonElement c = o.get("calibration");
        if (c == null || !c.isJsonObject()) {
            throw new ModelLoadException(name + ": calibration must be an object");
        }
        return new EmbeddingGate(protos, t, calibration(c.getAsJsonObject(), name));
    }

    private static EmbeddingGate.Calibration calibration(JsonObject c, String name) throws ModelLoadException {
        List<String> sources = new ArrayList<>();
        if (c.has("sources") && c.get("sources").isJsonArray()) {
            c.getAsJsonArray("sources").forEach(e -> sources.add(e.getAsString()));
        }
        boolean noOutOfScope = c.has("out_of_scope_flag_rate") && c.get("out_of_scope_flag_rate").isJsonNull();
        return new EmbeddingGate.Calibration((int) number(c, "in_scope_images", name),
                rate(c, "in_scope_flag_rate", name), (int) number(c, "out_of_scope_images", name),
                noOutOfScope ? Double.NaN : rate(c, "out_of_scope_flag_rate", name), sources);
    }

    private static float[] unitVector(JsonElement e, int dim, String where) throws ModelLoadException {
        if (!e.isJsonArray() || e.getAsJsonArray().size() != dim) {
            throw new ModelLoadException(where + " must have " + dim + " numbers (embedding_dim)");
        }
        float[] v = new float[dim];
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            JsonElement x = e.getAsJsonArray().get(i);
            if (!(x instanceof JsonPrimitive p) || !p.isNumber() || !Double.isFinite(p.getAsDouble())) {
                throw new ModelLoadException(where + " value " + i + " is not a finite number: " + x);
            }
            v[i] = p.getAsFloat();
            norm += (double) v[i] * v[i];
        }
        if (Math.abs(Math.sqrt(norm) - 1) > NORM_TOLERANCE) {
            throw new ModelLoadException(where + " has norm " + Math.sqrt(norm) + ", expected a unit vector (within "
                    + NORM_TOLERANCE + ")");
        }
        return v;
    }

    private static void expect(JsonObject o, String key, String value, String name) throws ModelLoadException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !value.equals(e.getAsString())) {
            throw new ModelLoadException(name + ": " + key + " is " + e + ", expected \"" + value + "\"");
        }
    }

    private static double number(JsonObject o, String key, String name) throws ModelLoadException {
        JsonElement e = o.get(key);
        if (!(e instanceof JsonPrimitive p) || !p.isNumber() || !Double.isFinite(p.getAsDouble())) {
            throw new ModelLoadException(name + ": " + key + " must be a finite number, found " + e);
        }
        return p.getAsDouble();
    }

    private static double rate(JsonObject o, String key, String name) throws ModelLoadException {
        double r = number(o, key, name);
        if (r < 0 || r > 1) {
            throw new ModelLoadException(name + ": " + key + " must be a fraction in [0, 1], found " + r);
        }
        return r;
    }

    /** The file's JSON text for {@code gate} (what {@link #read} reads back). */
    public static String toJson(EmbeddingGate gate) {
        JsonObject o = new JsonObject();
        o.addProperty("schema", SCHEMA);
        o.addProperty("method", EmbeddingGate.METHOD);
        o.addProperty("embedding_dim", gate.dim());
        JsonArray ps = new JsonArray();
        for (float[] p : gate.prototypes()) {
            JsonArray a = new JsonArray();
            for (float x : p) {
                a.add(x);
            }
            ps.add(a);
        }
        o.add("prototypes", ps);
        o.addProperty("min_cosine", gate.minCosine());
        EmbeddingGate.Calibration c = gate.calibration();
        JsonObject cj = new JsonObject();
        cj.addProperty("in_scope_images", c.inScopeImages());
        cj.addProperty("in_scope_flag_rate", c.inScopeFlagRate());
        cj.addProperty("out_of_scope_images", c.outOfScopeImages());
        if (Double.isNaN(c.outOfScopeFlagRate())) {
            cj.add("out_of_scope_flag_rate", com.google.gson.JsonNull.INSTANCE);
        } else {
            cj.addProperty("out_of_scope_flag_rate", c.outOfScopeFlagRate());
        }
        JsonArray src = new JsonArray();
        c.sources().forEach(src::add);
        cj.add("sources", src);
        o.add("calibration", cj);
        return new GsonBuilder().create().toJson(o) + "\n";
    }
}
