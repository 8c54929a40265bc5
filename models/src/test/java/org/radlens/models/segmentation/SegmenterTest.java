package org.radlens.models.segmentation;

import org.junit.jupiter.api.Test;
import org.radlens.models.encode.PromptCache;
import org.radlens.models.encode.SegLogits;
import org.radlens.models.grounding.Grounder;
import org.radlens.models.pkg.ModelManifest.Activation;
import org.radlens.models.pkg.ModelManifest.PromptSets;
import org.radlens.models.pkg.ModelManifest.SegmentationSpec;
import org.radlens.models.testing.FakeEncoders;
import org.radlens.models.testing.Fixtures;
import org.radlens.volume3d.LabelMask;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SegmenterTest {
    private static final float[] X = {1, 0};
    private static final float[] Y = {0, 1};

    @Test
    void labelRuleForSigmoidAndSoftmax() {
        assertEquals(2, Segmenter.label(new double[] {0.1, 2.0}, Activation.SIGMOID, 0.5));
        assertEquals(0, Segmenter.label(new double[] {-1, -0.1}, Activation.SIGMOID, 0.5));
        assertEquals(1, Segmenter.label(new double[] {3, 0, 0}, Activation.SOFTMAX, 0.5));
        assertEquals(0, Segmenter.label(new double[] {1, 1, 1}, Activation.SOFTMAX, 0.5)); // 1/3 each
    }

    @Test
    void theSigmoidShortcutLabelsEveryLogitAsTheExactRule() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(15);
        for (double threshold : new double[] {0.5, 0.3, 0.9, 0.999, 1e-4, 0.99999}) {
            Segmenter.Labeller l = new Segmenter.Labeller(Activation.SIGMOID, threshold);
            double cut = Math.log(threshold / (1 - threshold));
            for (int i = 0; i < 20_000; i++) {
                double z = i % 2 == 0 ? r.nextGaussian() * 8 : cut + r.nextGaussian() * Math.pow(10, -r.nextInt(12));
                double[] one = {(float) z};
                assertEquals(Segmenter.label(one, Activation.SIGMOID, threshold), l.label(one), "z=" + z);
            }
        }
        double[] nan = {Double.NaN};
        assertEquals(Segmenter.label(nan, Activation.SIGMOID, 0.5), new Segmenter.Labeller(Activation.SIGMOID, 0.5)
                .label(nan));
    }

    @Test
    void runByRunLabelsEqualThresholdingTheWholeSourceGridPlanePixelByPixel() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int field = 0; field < 4; field++) {
            float[] logits = new float[28 * 28];
            for (int i = 0; i < logits.length; i++) {
                double smooth = Math.sin(i % 28 / 4.0) * 3 + r.nextGaussian();
                logits[i] = (float) switch (field) {
                    case 0 -> smooth;
                    case 1 -> smooth * 1e-7; // everything near the cut: the exact path decides
                    case 2 -> i % 7 == 0 ? 0 : smooth * 40;
                    default -> i == 100 ? Float.NaN : smooth;
                };
            }
            SegLogits seg = new SegLogits(1, 28, 28, logits);
            for (int[] size : new int[][] {{250, 300}, {2500, 3000}, {3000, 3000}, {100, 60}}) {
                var emb = Fixtures.embedding(X, Fixtures.grid(1, 1, X), null, seg, size[0], size[1], 224);
                SegmentationSpec spec = new SegmentationSpec("image_encoder.onnx", "seg_logits", List.of("lungs"),
                        Activation.SIGMOID, 0.5);
                byte[] m = Segmenter.fromLogits(seg, spec, emb).labels();
                float[] plane = org.radlens.models.preprocess.Bilinear.toSourceGrid(logits, 28, 28, emb.transform());
                int ones = 0;
                for (int i = 0; i < plane.length; i++) {
                    int expected = Segmenter.label(new double[] {plane[i]}, Activation.SIGMOID, 0.5);
                    if (expected != m[i]) {
                        assertEquals(expected, m[i], "field " + field + ", " + size[0] + "x" + size[1] + ", pixel " + i);
                    }
                    ones += expected;
                }
                org.junit.jupiter.api.Assertions.assertTrue(ones > 0 && ones < plane.length, "both labels: " + ones);
            }
        }
    }

    @Test
    void headLogitsBecomeAMaskInTheOriginalGeometry() throws Exception {
        // 2 classes on a 2×2 logit grid covering an 8×8 input; source image 16×8 → k = 0.5, offsets (0, 2)
        float[] logits = {
            5, -5, -5, -5,   // class 0 ("lungs") strong top-left
            -5, -5, -5, 5,   // class 1 ("heart") strong bottom-right
        };
        var seg = new SegLogits(2, 2, 2, logits);
        var emb = Fixtures.embedding(X, Fixtures.grid(1, 1, X), null, seg, 16, 8, 8);
        SegmentationSpec spec = new SegmentationSpec("image_encoder.onnx", "seg_logits", List.of("lungs", "heart"),
                Activation.SIGMOID, 0.5);
        Segmenter s = new Segmenter(new FakeEncoders.Fixed(emb, false), Optional.of(spec), null, List.of());
        LabelMask m = s.segment(Fixtures.image(16, 8));
        assertEquals(16, m.width());
        assertEquals(8, m.height());
        assertEquals(Fixtures.GEOMETRY, m.geometry());
        assertEquals(Segmenter.HEAD, m.source());
        assertEquals(List.of("lungs", "heart"), m.classNames());
        assertEquals(1, m.get(0, 0, 0));
        assertEquals(2, m.get(15, 7, 0));
        assertEquals(0, m.get(15, 0, 0));
    }

    @Test
    void withoutAHeadGroundingMapsAreThresholdedAndLabelledAsSuch() throws Exception {
        var path = Fixtures.grid(2, 2, X, Y, Y, Y);
        var emb = Fixtures.embedding(X, path, null, null, 8, 8, 8);
        var enc = new FakeEncoders.Fixed(emb, false);
        var cache = new PromptCache(new FakeEncoders.Table(Map.of("left lung", X, "heart", Y), Map.of()), 10);
        Grounder g = new Grounder(enc, cache, new PromptSets(Map.of(), Map.of("left lung", List.of("left lung"))));
        Segmenter s = new Segmenter(enc, Optional.empty(), g, List.of("left lung"));
        LabelMask m = s.segment(Fixtures.image(8, 8));
        assertEquals(Segmenter.GROUNDING, m.source());
        assertEquals(List.of("left lung"), m.classNames());
        assertEquals(1, m.get(0, 0, 0));
        assertEquals(0, m.get(7, 7, 0));
        LabelMask two = s.segment(Fixtures.image(8, 8), List.of("left lung", "heart"));
        assertEquals(1, two.get(0, 0, 0));
        assertEquals(2, two.get(7, 7, 0));
    }
}
