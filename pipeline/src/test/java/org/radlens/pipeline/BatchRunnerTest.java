package org.radlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BatchRunner}: every item once, and never more items in flight than workers (the producer only waits). */
class BatchRunnerTest {
    @TempDir
    Path tmp;

    @Test
    void atMostWorkersItemsRunAtOnceAndEveryItemIsJournaled() throws Exception {
        for (int workers : new int[] {1, 2, 3}) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            List<String> items = IntStream.range(0, 24).mapToObj(i -> "item" + i).toList();
            try (Journal journal = Journal.open(tmp.resolve("journal-" + workers + ".jsonl"))) {
                BatchRunner.Summary s = BatchRunner.run(items, id -> id, id -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return id.endsWith("7") ? ResultRow.failure(id, "boom")
                            : new ResultRow(id, "", Map.of("p", 0.5), Double.NaN, "", "", "");
                }, journal, workers, 1, Progress.NONE);
                assertEquals(new BatchRunner.Summary(0, 22, 2), s);
                assertEquals(24, journal.rows().size());
            }
            assertEquals(workers, peak.get(), "peak concurrency with " + workers + " workers");
        }
    }
}
