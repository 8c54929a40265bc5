package org.radlens.dicomio.reference;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Small readers of the reference records' JSON. */
public final class ReferenceJson {
    private ReferenceJson() {
    }

    /** The member as text; "" when absent or null. */
    public static String str(JsonObject o, String k) {
        JsonElement v = o.get(k);
        return v == null || v.isJsonNull() ? "" : v.getAsString();
    }

    /** The member as numbers; null when absent or not an array. */
    public static double[] doubles(JsonObject o, String k) {
        JsonElement v = o.get(k);
        if (v == null || !v.isJsonArray()) {
            return null;
        }
        JsonArray a = v.getAsJsonArray();
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).getAsDouble();
        }
        return d;
    }

    /** A JSON number, or NaN for nibabel's "nan" strings. */
    public static double num(JsonElement e) {
        String s = e.getAsString();
        return "nan".equalsIgnoreCase(s) ? Double.NaN : Double.parseDouble(s);
    }

    public static long[] longs(JsonArray a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsLong();
        }
        return out;
    }
}
