package org.radlens.models.encode;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmbeddingsTest {

    @Test
    void ensembleIsTheRenormalisedMeanOfUnitVectors() {
        // (3,0) and (0,10) → units (1,0), (0,1) → mean (0.5, 0.5) → (1/√2, 1/√2): magnitudes do not weight prompts
        float[] e = Embeddings.ensemble(List.of(new float[] {3, 0}, new float[] {0, 10}));
        assertArrayEquals(new float[] {(float) Math.sqrt(0.5), (float) Math.sqrt(0.5)}, e, 1e-7f);
    }

    @Test
    void ensembleOfOneIsItsUnitVectorAndEmptyIsRefused() {
        assertArrayEquals(new float[] {0.6f, 0.8f}, Embeddings.ensemble(List.of(new float[] {3, 4})), 1e-7f);
        assertThrows(IllegalArgumentException.class, () -> Embeddings.ensemble(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Embeddings.ensemble(List.of(new float[] {1}, new float[] {1, 2})));
    }

    @Test
    void softmaxFirstAgreesWithTheTwoWaySoftmax() {
        Random r = new Random(0);
        for (int i = 0; i < 100; i++) {
            double a = r.nextDouble() * 2 - 1;
            double b = r.nextDouble() * 2 - 1;
            double s = 1 + r.nextDouble() * 100;
            double ea = Math.exp(s * a);
            double eb = Math.exp(s * b);
            assertEquals(ea / (ea + eb), Embeddings.softmaxFirst(s, a, b), 1e-12);
        }
        assertEquals(0.5, Embeddings.softmaxFirst(25, 0.3, 0.3));
    }

    @Test
    void cosineIsScaleFreeAndZeroSafe() {
        assertEquals(1.0, Embeddings.cosine(new float[] {1, 2}, new float[] {2, 4}), 1e-7);
        assertEquals(0.0, Embeddings.cosine(new float[] {0, 0}, new float[] {2, 4}));
        assertEquals(-1.0, Embeddings.cosine(new float[] {1, 0}, new float[] {-5, 0}), 1e-7);
    }
}
