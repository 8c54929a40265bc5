package org.radlens.cli.score;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs items on exactly {@code workers} threads fed through a bounded queue (the submitting thread blocks while it is
 * full, so memory stays flat for any number of items and never more than {@code workers} items run at once), skipping
 * items the journal has finished and recording each result in it. An item's failure is its error row; only journal
 * I/O failures stop the run.
 */
public final class BatchRunner {
    /** Scores one item; must turn the item's own failures into {@link ResultRow#failure}. */
    @FunctionalInterface
    public interface ItemScorer<T> {
        ResultRow score(T item);
    }

    /** Counts of one run. */
    public record Summary(int skipped, int scored, int failed) {
    }

    private BatchRunner() {
    }

    public static <T> Summary run(List<T> items, java.util.function.Function<T, String> idOf, ItemScorer<T> scorer,
                                  Journal journal, int workers, int queue, ProgressBar progress)
            throws IOException, InterruptedException {
        // The permits bound running + waiting items to workers + queue: the producer blocks for one and never runs
        // items itself, so at most `workers` items are scored at once (the executor's own queue needs no bound).
        Semaphore slots = new Semaphore(workers + Math.max(1, queue));
        ExecutorService pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>());
        AtomicReference<IOException> journalFailure = new AtomicReference<>();
        int[] counts = new int[3];
        for (T item : items) {
            if (journal.isDone(idOf.apply(item))) {
                counts[0]++;
                continue;
            }
            if (journalFailure.get() != null) {
                break;
            }
            slots.acquire();
            pool.execute(() -> {
                try {
                    ResultRow row = scorer.score(item);
                    journal.record(row);
                    synchronized (counts) {
                        counts[row.failed() ? 2 : 1]++;
                    }
                    progress.step(row.failed());
                } catch (IOException e) {
                    journalFailure.compareAndSet(null, e);
                } finally {
                    slots.release();
                }
            });
        }
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
            Thread.onSpinWait();
        }
        progress.finish();
        if (journalFailure.get() != null) {
            throw new IOException("cannot write the journal: " + journalFailure.get().getMessage(),
                    journalFailure.get());
        }
        return new Summary(counts[0], counts[1], counts[2]);
    }
}
