package org.radlens.models.encode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.radlens.models.RadLensModel;
import org.radlens.models.pkg.ModelManifest;
import org.radlens.models.testing.TestPackages;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.VoxelGeometry;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every package's encoders promise, checked on each test package. */
class EncoderContractTest {

    private static Image2D randomImage(Random r, int w, int h) {
        float[] v = new float[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(4096);
        }
        VoxelGeometry g = VoxelGeometry.of(new double[] {0.2, 0.3, 1}, new double[] {r.nextDouble(), 5, -2},
                new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        return Image2D.gray(w, h, v, g, IntensityInfo.rawGray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "synthetic"})
    void imageOutputsHaveTheManifestShapesAndKeepTheSourceGeometry(String pkg) throws Exception {
        try (RadLensModel m = RadLensModel.open(TestPackages.dir(pkg))) {
            ModelManifest.OutputSpec o = m.manifest().outputs();
            Random r = new Random(0);
            List<Image2D> images = List.of(randomImage(r, 37, 90), randomImage(r, 120, 41), randomImage(r, 64, 64));
            List<ImageEmbedding> all = m.imageEncoder().encodeAll(images);
            assertEquals(3, all.size());
            for (int i = 0; i < 3; i++) {
                ImageEmbedding e = all.get(i);
                assertEquals(o.embeddingDim(), e.embedding().length);
                PatchGrid g = e.patches(Stream.PATHOLOGY);
                assertEquals(o.gridHeight(), g.rows());
                assertEquals(o.gridWidth(), g.cols());
                assertEquals(o.anatomy().isPresent(), m.imageEncoder().hasStream(Stream.ANATOMY));
                assertEquals(o.segmentation().isPresent(), e.segLogits().isPresent());
                assertSame(images.get(i).geometry(), e.sourceGeometry());
                assertEquals(images.get(i).width(), e.transform().sourceWidth());
                assertArrayEquals(m.imageEncoder().encode(images.get(i)).embedding(), e.embedding(), 1e-5f,
                        "batch position must not change the result");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "synthetic"})
    void textOutputsAreDeterministicAndIndependentOfBatchCompanions(String pkg) throws Exception {
        try (RadLensModel m = RadLensModel.open(TestPackages.dir(pkg))) {
            TextEncoder t = m.textEncoder();
            float[] alone = t.encode(List.of("left lung")).get(0).embedding(Stream.PATHOLOGY);
            float[] padded = t.encode(List.of("left lung", "a much longer sentence about both lungs and the heart"))
                    .get(0).embedding(Stream.PATHOLOGY);
            assertArrayEquals(alone, padded, 1e-5f, "padding to a longer companion must not change an embedding");
            assertEquals(m.manifest().outputs().embeddingDim(), alone.length);
            assertTrue(t.tokenIds("left lung").length >= 2);
            assertEquals(List.of(), t.encode(List.of()));
        }
    }
}
