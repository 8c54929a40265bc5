package org.radlens.models.encode;

import org.junit.jupiter.api.Test;
import org.radlens.models.testing.FakeEncoders;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PromptCacheTest {

    @Test
    void encodesEachTextOnceAndReturnsUnitVectorsPerStream() throws Exception {
        var table = new FakeEncoders.Table(Map.of("a", new float[] {3, 4}, "b", new float[] {0, 2}),
                Map.of("a", new float[] {-1, 0}));
        PromptCache cache = new PromptCache(table, 100);
        List<float[]> e = cache.embeddings(List.of("a", "b", "a"), Stream.PATHOLOGY);
        assertArrayEquals(new float[] {0.6f, 0.8f}, e.get(0), 1e-7f);
        assertArrayEquals(new float[] {0, 1}, e.get(1), 1e-7f);
        assertArrayEquals(new float[] {-1, 0}, cache.embeddings(List.of("a"), Stream.ANATOMY).get(0), 1e-7f);
        cache.ensemble(List.of("a", "b"), Stream.PATHOLOGY);
        assertEquals(2, table.textsEncoded.get());
        assertEquals(2, cache.size());
    }

    @Test
    void aFullCacheStartsAgain() throws Exception {
        var table = new FakeEncoders.Table(Map.of("a", new float[] {1}, "b", new float[] {2}, "c", new float[] {3}),
                Map.of());
        PromptCache cache = new PromptCache(table, 2);
        cache.embeddings(List.of("a", "b"), Stream.PATHOLOGY);
        cache.embeddings(List.of("c"), Stream.PATHOLOGY);
        assertEquals(1, cache.size());
        cache.embeddings(List.of("a"), Stream.PATHOLOGY);
        assertEquals(4, table.textsEncoded.get());
    }
}
