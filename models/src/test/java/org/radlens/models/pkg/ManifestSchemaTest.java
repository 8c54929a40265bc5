package org.radlens.models.pkg;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.radlens.models.testing.TestPackages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every member of the test packages' manifests is documented (with a description) in the JSON Schema. */
class ManifestSchemaTest {
    private static final Path SCHEMA = Path.of("schema/radlens-model.schema.json");

    @Test
    void schemaDocumentsEveryFieldTheExportersWrite() throws Exception {
        JsonObject schema = JsonParser.parseString(Files.readString(SCHEMA)).getAsJsonObject();
        for (String pkg : List.of("tiny", "synthetic")) {
            JsonObject m = JsonParser.parseString(Files.readString(TestPackages.dir(pkg)
                    .resolve(ManifestParser.FILE))).getAsJsonObject();
            List<String> undocumented = new ArrayList<>();
            walk(m, schema, "", undocumented);
            assertEquals(List.of(), undocumented, pkg + ": fields missing from the schema");
        }
    }

    private static void walk(JsonElement value, JsonObject schema, String path, List<String> missing) {
        if (value.isJsonArray()) {
            if (schema.has("items") && schema.get("items").isJsonObject()) {
                value.getAsJsonArray().forEach(v -> walk(v, schema.getAsJsonObject("items"), path + "[]", missing));
            }
            return;
        }
        if (!value.isJsonObject()) {
            return;
        }
        for (String key : value.getAsJsonObject().keySet()) {
            JsonObject sub = null;
            if (schema.has("properties") && schema.getAsJsonObject("properties").has(key)) {
                sub = schema.getAsJsonObject("properties").getAsJsonObject(key);
            } else if (schema.has("additionalProperties") && schema.get("additionalProperties").isJsonObject()) {
                sub = schema.getAsJsonObject("additionalProperties");
            } else if (schema.has("additionalProperties") || "export_checks".equals(key)) {
                continue;
            }
            boolean keyed = schema.has("properties") && schema.getAsJsonObject("properties").has(key);
            if (sub == null || (keyed && !sub.has("description"))) {
                missing.add(path + key);
                continue;
            }
            walk(value.getAsJsonObject().get(key), sub, path + key + ".", missing);
        }
    }
}
