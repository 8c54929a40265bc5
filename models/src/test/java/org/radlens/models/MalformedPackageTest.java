package org.radlens.models;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.models.pkg.ManifestParser;
import org.radlens.models.testing.TestPackages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Packages that are broken in ways only the engine can see, and the messages they get. */
class MalformedPackageTest {
    @TempDir
    Path tmp;

    private Path edited(Consumer<JsonObject> edit) throws Exception {
        Path p = TestPackages.copy("tiny", tmp.resolve("pkg"));
        Path mf = p.resolve(ManifestParser.FILE);
        JsonObject o = JsonParser.parseString(Files.readString(mf)).getAsJsonObject();
        edit.accept(o);
        Files.writeString(mf, o.toString());
        return p;
    }

    private static String failure(Path p) {
        return assertThrows(ModelLoadException.class, () -> RadLensModel.open(p).close()).getMessage();
    }

    @Test
    void embeddingDimensionDisagreeingWithTheModel() throws Exception {
        Path p = edited(o -> o.getAsJsonObject("outputs").addProperty("embedding_dim", 17));
        assertEquals("image_encoder.onnx: output 'image_embeds' has shape [1, 16], expected [1, 17] "
                + "(outputs.embedding_dim)", failure(p));
    }

    @Test
    void patchGridDisagreeingWithTheModel() throws Exception {
        Path p = edited(o -> o.getAsJsonObject("outputs").add("patch_grid", JsonParser.parseString("[2, 2]")));
        assertEquals("image_encoder.onnx: output 'patch_embeds' has shape [1, 16, 16], expected [1, 4, 16] "
                + "(outputs.patch_grid 2x2, embedding_dim 16)", failure(p));
    }

    @Test
    void wrongInputAndOutputNames() throws Exception {
        Path in = edited(o -> o.getAsJsonObject("image").addProperty("input", "pixels"));
        assertEquals("image_encoder.onnx: expected exactly one input named 'pixels' (image.input), the model has "
                + "[pixel_values]", failure(in));
        Path out = edited(o -> o.getAsJsonObject("outputs").getAsJsonObject("streams").getAsJsonObject("anatomy")
                .addProperty("text_embedding", "anatomy_embeds"));
        String msg = failure(out);
        assertTrue(msg.startsWith("text_encoder.onnx: dry run failed: text_encoder.onnx: no output named "
                + "'anatomy_embeds'; outputs are"), msg);
        Path ids = edited(o -> o.getAsJsonObject("text").addProperty("input_ids", "tokens"));
        assertTrue(failure(ids).startsWith("text_encoder.onnx: expected inputs 'tokens' and 'attention_mask'"));
    }

    @Test
    void segmentationClassesDisagreeingWithTheHead() throws Exception {
        Path p = edited(o -> o.getAsJsonObject("outputs").getAsJsonObject("segmentation")
                .add("classes", JsonParser.parseString("[\"lungs\", \"heart\"]")));
        assertEquals("image_encoder.onnx: output 'seg_logits' has shape [1, 1, 32, 32], expected [1, 2, H, W] "
                + "(one channel per outputs.segmentation.classes [lungs, heart])", failure(p));
    }

    @Test
    void inputSizeTheModelCannotTake() throws Exception {
        Path p = edited(o -> o.getAsJsonObject("image").addProperty("size", 48));
        String msg = failure(p);
        assertTrue(msg.startsWith("image_encoder.onnx: "), msg);
        assertTrue(msg.contains("dry run on a 1x48x48 input failed") || msg.contains("has shape"), msg);
    }

    @Test
    void anOnnxFileThatIsNotAModel() throws Exception {
        Path p = TestPackages.copy("tiny", tmp.resolve("pkg"));
        byte[] junk = "this is not an ONNX protobuf".getBytes();
        Files.write(p.resolve("text_encoder.onnx"), junk);
        Path mf = p.resolve(ManifestParser.FILE);
        JsonObject o = JsonParser.parseString(Files.readString(mf)).getAsJsonObject();
        o.getAsJsonObject("files").addProperty("text_encoder.onnx",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(junk)));
        Files.writeString(mf, o.toString());
        String msg = failure(p);
        assertTrue(msg.startsWith("text_encoder.onnx: cannot load in ONNX Runtime"), msg);
    }

    @Test
    void aTamperedModelIsRefusedBeforeTheEngineSeesIt() throws Exception {
        Path p = TestPackages.copy("tiny", tmp.resolve("pkg"));
        byte[] b = Files.readAllBytes(p.resolve("image_encoder.onnx"));
        b[100] ^= 0x55;
        Files.write(p.resolve("image_encoder.onnx"), b);
        assertTrue(failure(p).startsWith("image_encoder.onnx: wrong checksum"));
    }
}
