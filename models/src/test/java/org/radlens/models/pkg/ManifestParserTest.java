package org.radlens.models.pkg;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.radlens.models.ModelLoadException;
import org.radlens.models.testing.TestPackages;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestParserTest {

    private static String synthetic() throws Exception {
        return Files.readString(TestPackages.dir("synthetic").resolve(ManifestParser.FILE));
    }

    private static JsonObject syntheticJson() throws Exception {
        return JsonParser.parseString(synthetic()).getAsJsonObject();
    }

    private static String message(String json) {
        return assertThrows(ModelLoadException.class, () -> ManifestParser.parse(json)).getMessage();
    }

    @Test
    void readsEveryFieldOfTheSyntheticManifest() throws Exception {
        ModelManifest m = ManifestParser.parse(synthetic());
        assertEquals("radlens-synthetic", m.name());
        assertEquals(32, m.image().size());
        assertEquals(ModelManifest.IntensityMode.PERCENTILE, m.image().intensity().mode());
        assertEquals(99.5, m.image().intensity().high());
        assertEquals(12, m.text().maxLength());
        assertEquals("input_ids", m.text().inputIds());
        assertEquals(16, m.outputs().embeddingDim());
        assertEquals(4, m.outputs().gridHeight());
        assertEquals("anatomy_patch_embeds", m.outputs().anatomy().orElseThrow().patchEmbeddings());
        assertEquals(java.util.List.of("lungs", "heart"), m.outputs().segmentation().orElseThrow().classes());
        assertEquals(ModelManifest.Activation.SIGMOID, m.outputs().segmentation().orElseThrow().activation());
        assertEquals(25.0, m.logitScale());
        assertEquals(java.util.List.of("pneumonia", "effusion"), java.util.List.copyOf(m.prompts().findings().keySet()));
        assertEquals(java.util.List.of("cardiac silhouette"), m.prompts().anatomy().get("heart"));
        assertEquals(4, m.files().size());
    }

    @Test
    void badJsonNamesTheLine() throws Exception {
        String broken = synthetic().replaceFirst("\"name\": \"radlens-synthetic\",", "\"name\": \"radlens-synthetic\"");
        String msg = message(broken);
        assertTrue(msg.startsWith("radlens-model.json: bad JSON at line 4 column"), msg);
        assertTrue(msg.contains("Unterminated object"), msg);
    }

    @Test
    void unknownFormatVersionIsRefused() throws Exception {
        JsonObject o = syntheticJson();
        o.addProperty("format", "radlens-model/2");
        String msg = message(o.toString());
        assertTrue(msg.contains("field format") && msg.contains("unknown format version"), msg);
    }

    @Test
    void missingAndMistypedFieldsAreNamedWithTheirPath() throws Exception {
        JsonObject o = syntheticJson();
        o.getAsJsonObject("image").remove("size");
        assertEquals("radlens-model.json: required field image.size is missing", message(o.toString()));
        o = syntheticJson();
        o.getAsJsonObject("outputs").addProperty("embedding_dim", "sixteen");
        assertTrue(message(o.toString()).contains("field outputs.embedding_dim must be a number"));
        o = syntheticJson();
        o.getAsJsonObject("image").add("mean", JsonParser.parseString("[0.5, 0.5]"));
        assertTrue(message(o.toString()).contains("field image.mean must have 1 values, found 2"));
    }

    @Test
    void refusesBadChecksumsAndEscapingFileNames() throws Exception {
        JsonObject o = syntheticJson();
        o.getAsJsonObject("files").addProperty("tokenizer.json", "abc");
        assertTrue(message(o.toString()).contains("field files.tokenizer.json must be a sha256"));
        o = syntheticJson();
        o.getAsJsonObject("files").addProperty("../evil.onnx", "0".repeat(64));
        assertTrue(message(o.toString()).contains("'../evil.onnx' is not a plain relative path"));
    }

    @Test
    void refusesInvalidValues() throws Exception {
        JsonObject o = syntheticJson();
        o.getAsJsonObject("image").getAsJsonObject("intensity").addProperty("mode", "gamma");
        assertTrue(message(o.toString()).contains("expected percentile, window or minmax"));
        o = syntheticJson();
        o.addProperty("logit_scale", -1);
        assertTrue(message(o.toString()).contains("logit_scale must be finite and > 0"));
        o = syntheticJson();
        o.getAsJsonObject("prompts").getAsJsonObject("findings").getAsJsonObject("pneumonia")
                .add("negative", JsonParser.parseString("[]"));
        assertTrue(message(o.toString()).contains("at least one prompt"));
        assertTrue(message("[1, 2]").contains("top level must be an object"));
    }

    @Test
    void nestedMetricsAreFlattenedToDottedKeys() throws Exception {
        JsonObject o = syntheticJson();
        o.add("metrics", JsonParser.parseString("{\"kermany_test\": {\"n\": 624, \"auc\": 0.91, \"note\": \"x\", "
                + "\"paraphrase_auc\": {\"all\": [0.8, 0.9]}}, \"covid\": {\"sensitivity\": null}, \"top\": 1}"));
        ModelManifest m = ManifestParser.parse(o.toString());
        assertEquals(java.util.Map.of("kermany_test.n", 624.0, "kermany_test.auc", 0.91,
                "kermany_test.paraphrase_auc.all[0]", 0.8, "kermany_test.paraphrase_auc.all[1]", 0.9, "top", 1.0),
                m.metrics());
    }
}
