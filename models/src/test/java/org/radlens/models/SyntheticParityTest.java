package org.radlens.models;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.encode.PatchGrid;
import org.radlens.models.encode.SegLogits;
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
 * Java vs Python on the {@code synthetic} package (made by {@code src/test/python/make_synthetic_package.py} with
 * Debian torch 1.13; PROVENANCE in {@code src/test/resources/packages/SYNTHETIC-PROVENANCE.md}): token ids identical,
 * embeddings and preprocessing within 1e-4, zero-shot probabilities within 1e-4, segmentation argmax identical.
 */
class SyntheticParityTest {
    private static final double TOL = 1e-4;
    private static RadLensModel model;
    private static Path dir;
    private static JsonObject cases;

    @BeforeAll
    static void open() throws Exception {
        dir = TestPackages.dir("synthetic");
        model = RadLensModel.open(dir);
        cases = JsonParser.parseString(Files.readString(dir.resolve("reference/cases.json"))).getAsJsonObject();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void tokenIdsAndTextEmbeddingsMatchPython() throws Exception {
        List<String> texts = new ArrayList<>();
        for (JsonElement e : cases.getAsJsonArray("texts")) {
            JsonObject t = e.getAsJsonObject();
            texts.add(t.get("text").getAsString());
            assertArrayEquals(longs(t.getAsJsonArray("input_ids")), model.textEncoder().tokenIds(texts.get(texts.size() - 1)),
                    "token ids of '" + t.get("text").getAsString() + "'");
        }
        List<TextEmbedding> got = model.textEncoder().encode(texts);
        for (int i = 0; i < texts.size(); i++) {
            JsonObject t = cases.getAsJsonArray("texts").get(i).getAsJsonObject();
            assertTrue(TestPackages.maxAbsDiff(floats(t.getAsJsonArray("text_embeds")),
                    got.get(i).embedding(Stream.PATHOLOGY)) <= TOL, "text_embeds of " + texts.get(i));
            assertTrue(TestPackages.maxAbsDiff(floats(t.getAsJsonArray("anatomy_text_embeds")),
                    got.get(i).embedding(Stream.ANATOMY)) <= TOL, "anatomy_text_embeds of " + texts.get(i));
        }
    }

    @Test
    void preprocessingMatchesPython() {
        for (JsonElement e : cases.getAsJsonArray("images")) {
            JsonObject c = e.getAsJsonObject();
            Image2D img = TestPackages.readGreyPng(dir.resolve("reference").resolve(c.get("image").getAsString()));
            PreparedImage p = new org.radlens.models.preprocess.Preprocessor(model.manifest().image()).prepare(img);
            float[] ref = TestPackages.readFloats(dir.resolve("reference").resolve(c.get("preprocessed").getAsString()));
            assertTrue(TestPackages.maxAbsDiff(ref, p.pixels()) <= TOL, "preprocessed " + c.get("image"));
            JsonArray lb = c.getAsJsonArray("letterbox");
            assertEquals(lb.get(0).getAsDouble(), p.transform().scale(), 1e-12);
            assertEquals(lb.get(1).getAsInt(), p.transform().offsetX());
            assertEquals(lb.get(2).getAsInt(), p.transform().offsetY());
        }
    }

    @Test
    void imageEmbeddingsAndSegmentationMatchPython() throws Exception {
        for (JsonElement e : cases.getAsJsonArray("images")) {
            JsonObject c = e.getAsJsonObject();
            ImageEmbedding emb = encodeReferenceTensor(c);
            assertTrue(TestPackages.maxAbsDiff(floats(c.getAsJsonArray("image_embeds")), emb.embedding()) <= TOL);
            assertRows(c.getAsJsonArray("patch_embeds_first_rows"), emb.patches(Stream.PATHOLOGY));
            assertRows(c.getAsJsonArray("anatomy_patch_embeds_first_rows"), emb.patches(Stream.ANATOMY));
            assertArrayEquals(argmaxRows(c.getAsJsonArray("seg_argmax")), argmax(emb.segLogits().orElseThrow()),
                    "segmentation argmax of " + c.get("image"));
        }
    }

    @Test
    void zeroShotProbabilitiesFromPngMatchPython() throws Exception {
        for (JsonElement e : cases.getAsJsonArray("images")) {
            JsonObject c = e.getAsJsonObject();
            Image2D img = TestPackages.readGreyPng(dir.resolve("reference").resolve(c.get("image").getAsString()));
            List<FindingScore> scores = model.classifier().classify(img);
            JsonObject ref = c.getAsJsonObject("zero_shot");
            assertEquals(ref.keySet().size(), scores.size());
            for (FindingScore s : scores) {
                assertEquals(ref.get(s.finding()).getAsDouble(), s.probability(), TOL, s.finding() + " " + c.get("image"));
                assertEquals(s.probability(), 1 / (1 + Math.exp(25.0 * (s.negativeSimilarity() - s.positiveSimilarity()))),
                        1e-12);
            }
        }
    }

    private static ImageEmbedding encodeReferenceTensor(JsonObject c) throws Exception {
        Image2D img = TestPackages.readGreyPng(dir.resolve("reference").resolve(c.get("image").getAsString()));
        float[] pixels = TestPackages.readFloats(dir.resolve("reference").resolve(c.get("preprocessed").getAsString()));
        LetterboxTransform t = LetterboxTransform.fit(img.width(), img.height(), model.manifest().image().size());
        return model.imageEncoder().encodePrepared(List.of(new PreparedImage(pixels, 1, t, img.geometry()))).get(0);
    }

    private static void assertRows(JsonArray rows, PatchGrid grid) {
        for (int r = 0; r < rows.size(); r++) {
            double d = TestPackages.maxAbsDiff(floats(rows.get(r).getAsJsonArray()), grid.token(r));
            assertTrue(d <= TOL, "patch row " + r + " differs by " + d);
        }
    }

    static int[] argmax(SegLogits s) {
        int[] out = new int[s.height() * s.width()];
        float[] l = s.logits();
        int n = out.length;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 1; k < s.classes(); k++) {
                if (l[k * n + i] > l[best * n + i]) {
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }

    static int[] argmaxRows(JsonArray rows) {
        List<Integer> out = new ArrayList<>();
        rows.forEach(r -> r.getAsJsonArray().forEach(v -> out.add(v.getAsInt())));
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static float[] floats(JsonArray a) {
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = a.get(i).getAsFloat();
        }
        return f;
    }

    static long[] longs(JsonArray a) {
        long[] f = new long[a.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = a.get(i).getAsLong();
        }
        return f;
    }

}
