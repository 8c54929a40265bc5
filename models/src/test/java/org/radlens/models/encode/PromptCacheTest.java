package org.radlens.models.encode;

import org.junit.jupiter.api.Test;
import org.radlens.models.testing.FakeEncoders;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.radlens.models.InferenceException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * A request that arrives while another thread is encoding waits and takes that batch's embeddings, instead of
     * encoding its texts in a batch of its own (whose padding would give slightly different numbers).
     */
    @Test
    void aTextAskedForDuringAnotherThreadsEncodingComesFromThatThreadsBatch() throws Exception {
        BatchSensitive encoder = new BatchSensitive();
        PromptCache cache = new PromptCache(encoder, 100);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread first = new Thread(() -> call(() -> cache.embeddings(List.of("a", "b", "c"), Stream.PATHOLOGY), failed));
        first.start();
        assertTrue(encoder.firstEntered.await(60, TimeUnit.SECONDS), "the first batch never started");
        AtomicReference<float[]> second = new AtomicReference<>();
        Thread other = new Thread(() -> call(() -> second.set(cache.embeddings(List.of("b"), Stream.PATHOLOGY).get(0)),
                failed));
        other.start();
        other.join(1_000);   // a correct cache keeps it waiting; a racing one lets it encode "b" alone meanwhile
        encoder.releaseFirst.countDown();
        first.join(60_000);
        other.join(60_000);
        assertEquals(null, failed.get());
        assertArrayEquals(new float[] {0, 1}, second.get(), 0f, "b as encoded in the batch of 3, not alone");
        assertEquals(List.of(List.of("a", "b", "c")), encoder.batches);
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void call(Call c, AtomicReference<Throwable> failed) {
        try {
            c.run();
        } catch (Throwable t) {
            failed.set(t);
        }
    }

    /** Embedding of a text = (batch size − 3, 1): a text encoded alone gets (−2, 1), in a batch of 3 (0, 1). */
    private static final class BatchSensitive implements TextEncoder {
        final CountDownLatch firstEntered = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);
        final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

        @Override
        public List<TextEmbedding> encode(List<String> texts) throws InferenceException {
            batches.add(List.copyOf(texts));
            if (firstEntered.getCount() > 0) {
                firstEntered.countDown();
                try {
                    releaseFirst.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            List<TextEmbedding> out = new ArrayList<>();
            for (String t : texts) {
                out.add(new TextEmbedding(t, Map.of(Stream.PATHOLOGY, new float[] {texts.size() - 3, 1})));
            }
            return out;
        }

        @Override
        public long[] tokenIds(String text) {
            return new long[0];
        }

        @Override
        public boolean hasStream(Stream stream) {
            return stream == Stream.PATHOLOGY;
        }

        @Override
        public void close() {
        }
    }
}
