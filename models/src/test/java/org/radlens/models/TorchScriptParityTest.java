package org.radlens.models;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.encode.Stream;
import org.radlens.models.encode.TextEmbedding;
import org.radlens.models.preprocess.LetterboxTransform;
import org.radlens.models.preprocess.PreparedImage;
import org.radlens.models.testing.TestPackages;
import org.radlens.models.zeroshot.FindingScore;
import org.radlens.volume3d.Image2D;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PyTorch engine path: the {@code synthetic-torchscript} package (the synthetic weights traced to TorchScript by
 * {@code make_synthetic_package.py}) against the same Python reference. Slow: the first run unpacks PyTorch's native
 * library (~430 MB) into the DJL cache. Run with {@code -Pall-tests}.
 */
@Tag("slow")
class TorchScriptParityTest {
    private static final double TOL = 1e-4;

    @Test
    void torchScriptPackageMatchesThePythonReference() throws Exception {
        Path dir = TestPackages.dir("synthetic-torchscript");
        JsonObject cases = JsonParser.parseString(Files.readString(dir.resolve("reference/cases.json")))
                .getAsJsonObject();
        try (RadLensModel model = RadLensModel.open(dir)) {
            assertEquals("PyTorch", model.manifest().engine());
            List<String> texts = new ArrayList<>();
            cases.getAsJsonArray("texts").forEach(e -> texts.add(e.getAsJsonObject().get("text").getAsString()));
            List<TextEmbedding> got = model.textEncoder().encode(texts);
            for (int i = 0; i < texts.size(); i++) {
                JsonObject t = cases.getAsJsonArray("texts").get(i).getAsJsonObject();
                assertTrue(TestPackages.maxAbsDiff(SyntheticParityTest.floats(t.getAsJsonArray("anatomy_text_embeds")),
                        got.get(i).embedding(Stream.ANATOMY)) <= TOL, texts.get(i));
            }
            for (JsonElement e : cases.getAsJsonArray("images")) {
                JsonObject c = e.getAsJsonObject();
                Path ref = dir.resolve("reference");
                Image2D img = TestPackages.readGreyPng(ref.resolve(c.get("image").getAsString()));
                float[] px = TestPackages.readFloats(ref.resolve(c.get("preprocessed").getAsString()));
                LetterboxTransform lt = LetterboxTransform.fit(img.width(), img.height(), 32);
                ImageEmbedding emb = model.imageEncoder().encodePrepared(
                        List.of(new PreparedImage(px, 1, lt, img.geometry()))).get(0);
                assertTrue(TestPackages.maxAbsDiff(SyntheticParityTest.floats(c.getAsJsonArray("image_embeds")),
                        emb.embedding()) <= TOL);
                assertArrayEquals(SyntheticParityTest.argmaxRows(c.getAsJsonArray("seg_argmax")),
                        SyntheticParityTest.argmax(emb.segLogits().orElseThrow()));
                for (FindingScore s : model.classifier().classify(img)) {
                    assertEquals(c.getAsJsonObject("zero_shot").get(s.finding()).getAsDouble(), s.probability(), TOL);
                }
            }
        }
    }
}
