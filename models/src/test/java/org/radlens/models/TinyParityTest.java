package org.radlens.models;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radlens.models.encode.Embeddings;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.encode.Stream;
import org.radlens.models.encode.TextEmbedding;
import org.radlens.models.grounding.HeatMap;
import org.radlens.models.preprocess.Bilinear;
import org.radlens.models.preprocess.LetterboxTransform;
import org.radlens.models.preprocess.PreparedImage;
import org.radlens.models.preprocess.Preprocessor;
import org.radlens.models.segmentation.Segmenter;
import org.radlens.models.testing.TestPackages;
import org.radlens.models.zeroshot.FindingScore;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.LabelMask;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Java vs the training code's exporter on the {@code tiny} package (models/training, random-initialised; reference
 * data in {@code reference/cases.json}): token ids identical, embeddings, preprocessing, grounding cosines and
 * zero-shot probabilities within 1e-4, zero-shot argmax and segmentation counts identical. Reference embeddings are
 * L2-normalised, so Java's are normalised before comparing. {@code -Dradlens.parityPackage=DIR} runs the same checks
 * on another exporter-made package (e.g. one with the default architecture).
 */
class TinyParityTest {
    private static final double TOL = 1e-4;
    private static RadLensModel model;
    private static Path ref;
    private static JsonObject cases;

    @BeforeAll
    static void open() throws Exception {
        String other = System.getProperty("radlens.parityPackage");
        Path dir = other != null ? Path.of(other) : TestPackages.dir("tiny");
        model = RadLensModel.open(dir);
        ref = dir.resolve("reference");
        cases = JsonParser.parseString(Files.readString(ref.resolve("cases.json"))).getAsJsonObject();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void tokenIdsMatchTheExporterTokenizer() {
        for (JsonElement e : cases.getAsJsonArray("texts")) {
            JsonObject t = e.getAsJsonObject();
            assertArrayEquals(SyntheticParityTest.longs(t.getAsJsonArray("ids")),
                    model.textEncoder().tokenIds(t.get("text").getAsString()), t.get("text").getAsString());
        }
    }

    @Test
    void longTextsAreTruncatedToMaxLengthKeepingTheClosingToken() throws Exception {
        String long_ = "opacity ".repeat(100);
        long[] ids = model.textEncoder().tokenIds(long_);
        long[] shortIds = model.textEncoder().tokenIds("opacity");
        assertEquals(model.manifest().text().maxLength(), ids.length);
        assertEquals(shortIds[0], ids[0]);
        assertEquals(shortIds[shortIds.length - 1], ids[ids.length - 1]);
        assertEquals(2, model.textEncoder().encode(List.of(long_, "opacity")).size());
    }

    @Test
    void textEmbeddingsMatchInBothStreams() throws Exception {
        List<String> texts = new ArrayList<>();
        cases.getAsJsonArray("texts").forEach(e -> texts.add(e.getAsJsonObject().get("text").getAsString()));
        List<TextEmbedding> got = model.textEncoder().encode(texts);
        for (int i = 0; i < texts.size(); i++) {
            JsonObject t = cases.getAsJsonArray("texts").get(i).getAsJsonObject();
            assertClose(t.getAsJsonArray("text_embeds"), got.get(i).embedding(Stream.PATHOLOGY), texts.get(i));
            assertClose(t.getAsJsonArray("anatomy_text_embeds"), got.get(i).embedding(Stream.ANATOMY), texts.get(i));
        }
    }

    @Test
    void preprocessingOfThePngsMatchesTheReferenceInputs() {
        for (JsonObject c : images()) {
            PreparedImage p = new Preprocessor(model.manifest().image()).prepare(png(c));
            float[] expected = TestPackages.readFloats(ref.resolve(c.get("input").getAsString()));
            double d = TestPackages.maxAbsDiff(expected, p.pixels());
            assertTrue(d <= TOL, c.get("image") + " preprocessing differs by " + d);
            JsonObject lb = c.getAsJsonObject("letterbox");
            assertEquals(lb.get("k").getAsDouble(), p.transform().scale(), 1e-12);
            assertEquals(lb.get("ox").getAsInt(), p.transform().offsetX());
            assertEquals(lb.get("oy").getAsInt(), p.transform().offsetY());
        }
    }

    @Test
    void imageEmbeddingsAndPatchRowsMatch() throws Exception {
        for (JsonObject c : images()) {
            ImageEmbedding e = encodeReference(c);
            assertClose(c.getAsJsonArray("image_embeds"), e.embedding(), c.get("image").getAsString());
            for (String row : c.getAsJsonObject("patch_embeds_rows").keySet()) {
                assertClose(c.getAsJsonObject("patch_embeds_rows").getAsJsonArray(row),
                        e.patches(Stream.PATHOLOGY).token(Integer.parseInt(row)), "patch row " + row);
            }
            for (String row : c.getAsJsonObject("anatomy_patch_embeds_rows").keySet()) {
                assertClose(c.getAsJsonObject("anatomy_patch_embeds_rows").getAsJsonArray(row),
                        e.patches(Stream.ANATOMY).token(Integer.parseInt(row)), "anatomy patch row " + row);
            }
        }
    }

    @Test
    void groundingCosinesOfAnAnatomyQueryMatch() throws Exception {
        for (JsonObject c : images()) {
            HeatMap m = model.grounder().heatMap(encodeReference(c), "right lung", model.grounder().streamFor("right lung"));
            assertEquals(Stream.ANATOMY, m.stream());
            double d = TestPackages.maxAbsDiff(SyntheticParityTest.floats(c.getAsJsonArray("right_lung_patch_cosines")),
                    m.gridValues());
            assertTrue(d <= TOL, "right lung cosines differ by " + d);
            assertEquals(c.get("width").getAsInt(), m.width());
            assertEquals(c.get("height").getAsInt(), m.height());
        }
    }

    @Test
    void zeroShotFromThePngMatchesWithTheSameArgmax() throws Exception {
        for (JsonObject c : images()) {
            List<FindingScore> scores = model.classifier().classify(png(c));
            JsonObject zs = c.getAsJsonObject("zero_shot");
            assertEquals(zs.keySet().size(), scores.size());
            for (FindingScore s : scores) {
                assertEquals(zs.get(s.finding()).getAsDouble(), s.probability(), TOL, s.finding());
            }
            String argmax = scores.stream().max(Comparator.comparingDouble(FindingScore::probability))
                    .orElseThrow().finding();
            assertEquals(c.get("zero_shot_argmax").getAsString(), argmax);
        }
    }

    @Test
    void segmentationMatchesAtLogitAndSourceResolution() throws Exception {
        for (JsonObject c : images()) {
            ImageEmbedding e = encodeReference(c);
            var seg = e.segLogits().orElseThrow();
            JsonArray shape = c.getAsJsonArray("seg_logits_shape");
            assertEquals(shape.get(0).getAsInt(), seg.height());
            assertEquals(shape.get(1).getAsInt(), seg.width());
            long positive = 0;
            for (float v : seg.plane(0)) {
                positive += v > 0 ? 1 : 0;
            }
            assertEquals(c.get("seg_positive_count").getAsLong(), positive);
            LabelMask mask = model.segmenter().segment(e);
            assertEquals(Segmenter.HEAD, mask.source());
            // identical except pixels whose logit lies within float32 rounding (1e-5) of the threshold: such ties may
            // fall either way between PyTorch's float32 and our double interpolation (seen: 1 of 258,000 pixels)
            float[] logit = Bilinear.toSourceGrid(seg.plane(0), seg.width(), seg.height(), e.transform());
            long ties = 0;
            for (float v : logit) {
                ties += Math.abs(v) < 1e-5 ? 1 : 0;
            }
            long diff = Math.abs(c.get("lung_pixels_source_grid").getAsLong() - mask.count(1));
            assertTrue(diff <= ties, "mask pixel counts differ by " + diff + " with " + ties + " ties at the threshold");
            assertEquals(c.get("width").getAsInt(), mask.width());
        }
    }

    private static List<JsonObject> images() {
        List<JsonObject> out = new ArrayList<>();
        cases.getAsJsonArray("images").forEach(e -> out.add(e.getAsJsonObject()));
        return out;
    }

    private static Image2D png(JsonObject c) {
        return TestPackages.readGreyPng(ref.resolve(c.get("image").getAsString()));
    }

    private static ImageEmbedding encodeReference(JsonObject c) throws Exception {
        Image2D img = png(c);
        float[] pixels = TestPackages.readFloats(ref.resolve(c.get("input").getAsString()));
        LetterboxTransform t = LetterboxTransform.fit(img.width(), img.height(), model.manifest().image().size());
        return model.imageEncoder().encodePrepared(List.of(new PreparedImage(pixels, 1, t, img.geometry()))).get(0);
    }

    private static void assertClose(JsonArray expectedUnit, float[] actual, String what) {
        double d = TestPackages.maxAbsDiff(SyntheticParityTest.floats(expectedUnit), Embeddings.normalize(actual));
        assertTrue(d <= TOL, what + " differs by " + d);
    }
}
