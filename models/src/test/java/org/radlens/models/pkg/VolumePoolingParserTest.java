package org.radlens.models.pkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.radlens.models.ModelLoadException;
import org.radlens.models.testing.TestPackages;

class VolumePoolingParserTest {

    private static JsonObject synthetic() throws Exception {
        return JsonParser.parseString(Files.readString(TestPackages.dir("synthetic").resolve(ManifestParser.FILE)))
                .getAsJsonObject();
    }

    private static int dim(JsonObject o) {
        return o.getAsJsonObject("outputs").get("embedding_dim").getAsInt();
    }

    private static JsonObject pooling(String mode, int weights) {
        JsonObject p = new JsonObject();
        p.addProperty("default", mode);
        if (weights >= 0) {
            JsonArray w = new JsonArray();
            for (int i = 0; i < weights; i++) {
                w.add(0.5 * i);
            }
            JsonObject a = new JsonObject();
            a.add("weights", w);
            a.addProperty("bias", 0.25);
            p.add("attention", a);
        }
        return p;
    }

    @Test
    void absentSectionMeansNoVolumePooling() throws Exception {
        assertTrue(ManifestParser.parse(synthetic().toString()).volumePooling().isEmpty());
    }

    @Test
    void readsAttentionWeightsAndDefault() throws Exception {
        JsonObject o = synthetic();
        int d = dim(o);
        o.add("volume_pooling", pooling("attention", d));
        ModelManifest.VolumePoolingSpec s = ManifestParser.parse(o.toString()).volumePooling().orElseThrow();
        assertEquals("attention", s.defaultPooling());
        assertEquals(d, s.attentionWeights().length);
        assertEquals(0.5 * (d - 1), s.attentionWeights()[d - 1], 0);
        assertEquals(0.25, s.attentionBias(), 0);
        o.add("volume_pooling", pooling("max", -1));
        s = ManifestParser.parse(o.toString()).volumePooling().orElseThrow();
        assertEquals("max", s.defaultPooling());
        assertArrayEquals(new double[0], s.attentionWeights());
    }

    @Test
    void refusesWrongLengthsUnknownModesAndAttentionWithoutWeights() throws Exception {
        JsonObject o = synthetic();
        int d = dim(o);
        o.add("volume_pooling", pooling("attention", d + 1));
        String m = assertThrows(ModelLoadException.class, () -> ManifestParser.parse(o.toString())).getMessage();
        assertTrue(m.contains("volume_pooling.attention.weights") && m.contains("embedding_dim"), m);
        o.add("volume_pooling", pooling("median", -1));
        m = assertThrows(ModelLoadException.class, () -> ManifestParser.parse(o.toString())).getMessage();
        assertTrue(m.contains("volume_pooling.default") && m.contains("median"), m);
        o.add("volume_pooling", pooling("attention", -1));
        m = assertThrows(ModelLoadException.class, () -> ManifestParser.parse(o.toString())).getMessage();
        assertTrue(m.contains("no 'attention' weights"), m);
    }
}
