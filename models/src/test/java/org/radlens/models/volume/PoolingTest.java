package org.radlens.models.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.radlens.models.encode.Embeddings;
import org.radlens.models.pkg.ModelManifest.VolumePoolingSpec;

class PoolingTest {
    private static final List<float[]> THREE = List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {0.6f,
        0.8f});

    @Test
    void meanAndMaxByHand() {
        assertArrayEquals(new float[] {1.6f / 3, 1.8f / 3}, Pooling.MEAN.pool(THREE, null).embedding(), 1e-6f);
        assertArrayEquals(new float[] {1, 1}, Pooling.MAX.pool(THREE, null).embedding(), 0f);
        assertArrayEquals(new float[0], Pooling.MAX.pool(THREE, null).sliceWeights());
    }

    @Test
    void attentionIsASoftmaxOverSliceScores() {
        VolumePoolingSpec spec = new VolumePoolingSpec("attention", new double[] {2, 0}, 1.0);
        Pooling.PooledEmbedding p = Pooling.ATTENTION.pool(THREE, spec);
        double[] e = {Math.exp(2), Math.exp(0), Math.exp(1.2)};
        double sum = e[0] + e[1] + e[2];
        assertArrayEquals(new float[] {(float) (e[0] / sum), (float) (e[1] / sum), (float) (e[2] / sum)},
                p.sliceWeights(), 1e-6f);
        assertEquals((e[0] + 0.6 * e[2]) / sum, p.embedding()[0], 1e-6);
    }

    @Test
    void attentionWithZeroWeightsIsTheMeanAndStrongWeightsPickOneSlice() {
        Random r = new Random(0);
        for (int n = 0; n < 100; n++) {
            int d = 8 + r.nextInt(30);
            List<float[]> unit = new ArrayList<>();
            for (int s = 0, m = 1 + r.nextInt(20); s < m; s++) {
                float[] v = new float[d];
                for (int i = 0; i < d; i++) {
                    v[i] = (float) r.nextGaussian();
                }
                unit.add(Embeddings.normalize(v));
            }
            float[] zero = Pooling.ATTENTION.pool(unit, new VolumePoolingSpec("attention", new double[d], 3))
                    .embedding();
            assertArrayEquals(Pooling.MEAN.pool(unit, null).embedding(), zero, 1e-5f);
            int pick = r.nextInt(unit.size());
            double[] w = new double[d];
            for (int i = 0; i < d; i++) {
                w[i] = 1e4 * unit.get(pick)[i];
            }
            float[] sharp = Pooling.ATTENTION.pool(unit, new VolumePoolingSpec("attention", w, 0)).embedding();
            double closest = -1;
            for (int s = 0; s < unit.size(); s++) {
                closest = s == pick ? closest : Math.max(closest, Embeddings.dot(unit.get(s), unit.get(pick)));
            }
            if (closest < 0.999) { // a margin of at least 10 in the softmax scores
                assertArrayEquals(unit.get(pick), sharp, 1e-3f);
            }
        }
    }

    @Test
    void attentionWithoutWeightsAndUnknownNamesAreRefused() {
        assertThrows(IllegalStateException.class, () -> Pooling.ATTENTION.pool(THREE, null));
        assertThrows(IllegalArgumentException.class, () -> Pooling.parse("median"));
        assertEquals(Pooling.MAX, Pooling.parse(" Max "));
        assertThrows(IllegalArgumentException.class, () -> Pooling.MEAN.pool(List.of(), null));
    }
}
