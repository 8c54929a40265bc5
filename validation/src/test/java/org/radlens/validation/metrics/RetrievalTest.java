package org.radlens.validation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RetrievalTest {

    @Test
    void sharedTextsAreOneCandidate() {
        int[] textOf = {0, 0, 1}; // images 0 and 1 share text A; image 2 has text B
        double[][] sim = {{0.9, 0.1}, {0.2, 0.5}, {0.3, 0.8}};
        RecallAtK r = Retrieval.recallAtK(sim, textOf, 1, 2);
        assertEquals(2.0 / 3, r.imageToText().get(1), 1e-12);
        assertEquals(1.0, r.imageToText().get(2), 1e-12);
        assertEquals(1.0, r.textToImage().get(1), 1e-12, "A's best image 0.9 beats image 2; B's 0.8 beats 0.5");
        sim[2][1] = 0.4;
        r = Retrieval.recallAtK(sim, textOf, 1);
        assertEquals(0.5, r.textToImage().get(1), 1e-12, "image 1 (0.5) now outranks B's own image (0.4)");
        assertEquals(3, r.n());
    }

    @Test
    void identityMappingEqualsTheSquareForm() {
        Random rnd = new Random(0);
        for (int rep = 0; rep < 20; rep++) {
            int n = 2 + rnd.nextInt(15);
            double[][] sim = new double[n][n];
            int[] id = new int[n];
            for (int i = 0; i < n; i++) {
                id[i] = i;
                for (int j = 0; j < n; j++) {
                    sim[i][j] = Math.round(rnd.nextGaussian() * 2) / 2.0; // ties on purpose
                }
            }
            assertEquals(Retrieval.recallAtK(sim, 1, 3), Retrieval.recallAtK(sim, id, 1, 3));
        }
    }

    @Test
    void badMappingsAreRejected() {
        double[][] sim = {{1, 0}, {0, 1}};
        assertThrows(IllegalArgumentException.class, () -> Retrieval.recallAtK(sim, new int[] {0, 2}, 1));
        assertThrows(IllegalArgumentException.class, () -> Retrieval.recallAtK(sim, new int[] {0}, 1));
        assertThrows(IllegalArgumentException.class, () -> Retrieval.recallAtK(sim, new int[] {0, 1}, 0));
    }
}
