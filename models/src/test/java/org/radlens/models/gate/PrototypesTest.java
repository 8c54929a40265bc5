package org.radlens.models.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.radlens.models.encode.Embeddings;

/** {@link Prototypes}: k-means finds planted clusters (seeded), and the threshold flags the stated fraction. */
class PrototypesTest {
    @Test
    void kMeansFindsThreePlantedDirections() {
        Random r = new Random(0);
        float[][] axes = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 1}};
        List<float[]> xs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            float[] a = axes[i % 3];
            float[] v = new float[4];
            for (int j = 0; j < 4; j++) {
                v[j] = a[j] + (float) (0.05 * r.nextGaussian());
            }
            xs.add(Embeddings.normalize(v));
        }
        List<float[]> c = Prototypes.kMeans(xs, 3, 50, new Random(1));
        assertEquals(3, c.size());
        for (float[] a : axes) {
            double best = c.stream().mapToDouble(p -> Embeddings.dot(p, a)).max().orElseThrow();
            assertTrue(best > 0.99, "an axis without a prototype: best cosine " + best);
        }
        for (float[] p : c) {
            assertEquals(1.0, Embeddings.dot(p, p), 1e-5, "unit prototypes");
        }
        assertEquals(1, Prototypes.kMeans(xs.subList(0, 1), 5, 10, new Random(0)).size(), "k > n: n centres");
    }

    @Test
    void thresholdFlagsAtMostTheGivenFraction() {
        Random r = new Random(2);
        double[] cos = new double[1000];
        for (int i = 0; i < cos.length; i++) {
            cos[i] = r.nextDouble();
        }
        for (double rate : new double[] {0, 0.02, 0.1, 0.5}) {
            double t = Prototypes.threshold(cos, rate);
            long flagged = java.util.Arrays.stream(cos).filter(c -> c < t).count();
            assertTrue(flagged <= rate * cos.length && flagged >= rate * cos.length - 1, rate + ": " + flagged);
        }
    }
}
