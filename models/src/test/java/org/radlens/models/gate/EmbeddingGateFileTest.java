package org.radlens.models.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.models.ModelLoadException;
import org.radlens.models.RadLensModel;
import org.radlens.models.pkg.ManifestParser;
import org.radlens.models.testing.TestPackages;

/** {@link EmbeddingGateFile} and {@link EmbeddingGate}: the file schema, its validation, the cosine rule, a package. */
class EmbeddingGateFileTest {
    static final int DIM = 16;
    @TempDir
    Path tmp;

    static EmbeddingGate gate(int prototypes, double minCosine, long seed) {
        Random r = new Random(seed);
        List<float[]> ps = new ArrayList<>();
        for (int k = 0; k < prototypes; k++) {
            float[] p = new float[DIM];
            double n = 0;
            for (int i = 0; i < DIM; i++) {
                p[i] = (float) r.nextGaussian();
                n += p[i] * p[i];
            }
            for (int i = 0; i < DIM; i++) {
                p[i] /= (float) Math.sqrt(n);
            }
            ps.add(p);
        }
        return new EmbeddingGate(ps, minCosine, new EmbeddingGate.Calibration(10, 0.1, 5, 0.8, List.of("test")));
    }

    @Test
    void writtenFileReadsBackAndTheCosineRuleHolds() throws Exception {
        EmbeddingGate g = gate(3, 0.5, 1);
        Path f = Files.writeString(tmp.resolve("input-gate.json"), EmbeddingGateFile.toJson(g));
        EmbeddingGate back = EmbeddingGateFile.read(f, DIM);
        assertEquals(0.5, back.minCosine());
        assertEquals(g.calibration(), back.calibration());
        float[] p1 = g.prototypes().get(1);
        float[] scaled = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            scaled[i] = 7 * p1[i];
        }
        assertEquals(1.0, back.maxCosine(scaled), 1e-5, "the norm of the embedding does not matter");
        float[] minus = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            minus[i] = -p1[i];
        }
        assertTrue(new EmbeddingGate.Check(back.maxCosine(minus), 0.5).outOfScope() == back.maxCosine(minus) < 0.5);
        assertTrue(new EmbeddingGate.Check(0.49, 0.5).outOfScope());
        assertFalse(new EmbeddingGate.Check(0.5, 0.5).outOfScope());
        assertTrue(new EmbeddingGate.Check(Double.NaN, 0.5).outOfScope(), "NaN is never in scope");
        assertEquals(-1, back.maxCosine(new float[DIM]), "a zero embedding is never in scope");
    }

    @Test
    void everyDefectIsRefusedNamingTheFileAndField() throws Exception {
        assertRefused(o -> o.addProperty("schema", "radlens-input-gate/2"), "schema");
        assertRefused(o -> o.addProperty("method", "mahalanobis"), "method");
        assertRefused(o -> o.addProperty("embedding_dim", 8), "embedding_dim is 8");
        assertRefused(o -> o.getAsJsonArray("prototypes").get(0).getAsJsonArray().set(0,
                new com.google.gson.JsonPrimitive(5)), "prototypes[0] has norm");
        assertRefused(o -> o.getAsJsonArray("prototypes").get(1).getAsJsonArray().remove(0), "prototypes[1] must "
                + "have 16");
        assertRefused(o -> o.add("prototypes", new JsonArray()), "prototypes must be an array of 1..64");
        assertRefused(o -> {
            JsonArray many = new JsonArray();
            for (int i = 0; i < 65; i++) {
                many.add(o.getAsJsonArray("prototypes").get(0));
            }
            o.add("prototypes", many);
        }, "1..64");
        assertRefused(o -> o.add("min_cosine", JsonParser.parseString("\"high\"")), "min_cosine must be a finite");
        assertRefused(o -> o.addProperty("min_cosine", 1.5), "min_cosine must be within");
        assertRefused(o -> o.getAsJsonObject("calibration").addProperty("in_scope_flag_rate", 2), "in_scope_flag_rate");
        assertRefused(o -> o.remove("calibration"), "calibration must be an object");
        JsonObject noOos = JsonParser.parseString(EmbeddingGateFile.toJson(gate(2, 0.5, 3))).getAsJsonObject();
        noOos.getAsJsonObject("calibration").add("out_of_scope_flag_rate", com.google.gson.JsonNull.INSTANCE);
        Path f = Files.writeString(tmp.resolve("input-gate.json"), noOos.toString());
        assertTrue(Double.isNaN(EmbeddingGateFile.read(f, DIM).calibration().outOfScopeFlagRate()),
                "the Python exporter writes null when it measured no out-of-scope input");
        Path bad = Files.writeString(tmp.resolve("broken.json"), "{\"schema\": ");
        assertTrue(assertThrows(ModelLoadException.class, () -> EmbeddingGateFile.read(bad, DIM)).getMessage()
                .startsWith("broken.json: bad JSON"));
    }

    @Test
    void aPackageWithAGateExposesItAndTamperingIsRefused() throws Exception {
        Path pkg = TestPackages.copy("tiny", tmp.resolve("pkg"));
        Path gateFile = Files.writeString(pkg.resolve("input-gate.json"), EmbeddingGateFile.toJson(gate(2, 0.1, 2)));
        Path mf = pkg.resolve(ManifestParser.FILE);
        JsonObject m = JsonParser.parseString(Files.readString(mf)).getAsJsonObject();
        m.addProperty("input_gate", "input-gate.json");
        Files.writeString(mf, m.toString());
        assertTrue(open(pkg).contains("input-gate.json: referenced by radlens-model.json but not listed"));
        m.getAsJsonObject("files").addProperty("input-gate.json", sha256(gateFile));
        Files.writeString(mf, m.toString());
        try (RadLensModel model = RadLensModel.open(pkg)) {
            assertEquals(2, model.inputGate().orElseThrow().prototypes().size());
        }
        Files.writeString(gateFile, EmbeddingGateFile.toJson(gate(2, 0.2, 2)));
        assertTrue(open(pkg).startsWith("input-gate.json: wrong checksum"), open(pkg));
        Files.writeString(gateFile, EmbeddingGateFile.toJson(gate(2, 0.1, 2)).replace("\"embedding_dim\":16",
                "\"embedding_dim\":15"));
        m.getAsJsonObject("files").addProperty("input-gate.json", sha256(gateFile));
        Files.writeString(mf, m.toString());
        assertTrue(open(pkg).startsWith("input-gate.json: embedding_dim is 15"), open(pkg));
    }

    private String open(Path pkg) {
        return assertThrows(ModelLoadException.class, () -> RadLensModel.open(pkg).close()).getMessage();
    }

    private void assertRefused(Consumer<JsonObject> edit, String expected) throws Exception {
        JsonObject o = JsonParser.parseString(EmbeddingGateFile.toJson(gate(2, 0.5, 3))).getAsJsonObject();
        edit.accept(o);
        Path f = Files.writeString(tmp.resolve("input-gate.json"), o.toString());
        String msg = assertThrows(ModelLoadException.class, () -> EmbeddingGateFile.read(f, DIM)).getMessage();
        assertTrue(msg.startsWith("input-gate.json: ") && msg.contains(expected), msg);
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
