package org.radlens.validation.eval;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code items.csv}: one row per evaluated item — its manifest line, the manifest columns named, and every scalar of
 * its result (nested objects flattened with dots, arrays left out) — so readers can sort, filter and plot per item.
 */
final class ItemTable {
    static final String FILE = "items.csv";

    private ItemTable() {
    }

    static void write(Path out, List<ItemLoop.Scored> scored, List<String> columns) throws IOException {
        List<Map<String, String>> flat = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (ItemLoop.Scored s : scored) {
            Map<String, String> m = new LinkedHashMap<>();
            flatten("", s.value(), m);
            keys.addAll(m.keySet());
            flat.add(m);
        }
        try (Writer w = Files.newBufferedWriter(out.resolve(FILE), StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(List.of("line"));
            header.addAll(columns);
            header.addAll(keys);
            Csv.writeRecord(w, header);
            for (int i = 0; i < scored.size(); i++) {
                List<String> row = new ArrayList<>(List.of("" + scored.get(i).row().line()));
                for (String c : columns) {
                    row.add(scored.get(i).row().get(c));
                }
                for (String k : keys) {
                    row.add(flat.get(i).getOrDefault(k, ""));
                }
                Csv.writeRecord(w, row);
            }
        }
    }

    private static void flatten(String prefix, JsonObject o, Map<String, String> out) {
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            String k = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonElement v = e.getValue();
            if (v.isJsonObject()) {
                flatten(k, v.getAsJsonObject(), out);
            } else if (v.isJsonPrimitive()) {
                out.put(k, v.getAsString());
            }
        }
    }
}
