package org.radlens.validation.metrics;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the golden files written by {@code validation/src/test/python/make_golden.py}. */
final class GoldenCases {
    private GoldenCases() {
    }

    /** Cases of {@code golden/NAME.expected.json} on the test class path. */
    static List<JsonObject> load(String name) throws IOException {
        String res = "/golden/" + name + ".expected.json";
        try (InputStream in = GoldenCases.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IOException("missing test resource " + res);
            }
            return cases(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    /** Cases of {@code DIR/NAME.expected.json}. */
    static List<JsonObject> load(Path dir, String name) throws IOException {
        try (Reader r = Files.newBufferedReader(dir.resolve(name + ".expected.json"))) {
            return cases(r);
        }
    }

    private static List<JsonObject> cases(Reader r) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : JsonParser.parseReader(r).getAsJsonObject().getAsJsonArray("cases")) {
            out.add(e.getAsJsonObject());
        }
        return out;
    }

    static double[] doubles(JsonArray a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).getAsDouble();
        }
        return d;
    }

    static boolean[] labels(JsonArray a) {
        boolean[] b = new boolean[a.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = a.get(i).getAsInt() != 0;
        }
        return b;
    }

    static boolean[] bits(String s) {
        boolean[] b = new boolean[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = s.charAt(i) == '1';
        }
        return b;
    }

    static double[][] matrix(JsonArray a) {
        double[][] m = new double[a.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = doubles(a.get(i).getAsJsonArray());
        }
        return m;
    }

    static boolean isNull(JsonObject o, String key) {
        return !o.has(key) || o.get(key).isJsonNull();
    }
}
