package org.radlens.pipeline;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs items on exactly {@code workers} threads fed through a bounded queue (the submitting thread blocks while it is
 * full, so memory stays flat for any number of items and never more than {@code workers} items run at once), skipping
 * items the journal has finished and recording each result in it. An item's failure is its row: an error row, or a
 * transient row that is not journaled (the next run retries it). When the journal itself cannot be written (a full
 * disk) the item is transient too and no further item is started: the ones left count as transient.
 */
public final class BatchRunner {
    /** Scores one item; must turn the item's own failures into {@link ResultRow#failure} or a transient row. */
    @FunctionalInterface
    public interface ItemScorer<T> {
        ResultRow score(T item);
    }

    /**
     * Counts of one run: items already done, scored (flagged ones included), failed for good, flagged, refused by
     * the input gate, duplicates of an earlier SOP Instance UID, and transient failures left for the next run.
     */
    public record Summary(int skipped, int scored, int failed, int flagged, int refused, int duplicates,
                          int transients) {
        public Summary(int skipped, int scored, int failed) {
            this(skipped, scored, failed, 0, 0, 0, 0);
        }

        /**
         * "3 scored, 0 failed, 5 already done; 1 flagged, 2 refused, 1 duplicate, 4 transient (retried by the next
         * run)".
         */
        public String describe() {
            return scored + " scored, " + failed + " failed, " + skipped + " already done; " + flagged + " flagged, "
                    + refused + " refused, " + duplicates + " duplicate, " + transients + " transient"
                    + (transients > 0 ? " (retried by the next run)" : "");
        }
    }

    private BatchRunner() {
    }

    public static <T> Summary run(List<T> items, Function<T, String> idOf, ItemScorer<T> scorer,
                                  Journal journal, int workers, int queue, Progress progress)
            throws IOException, InterruptedException {
        // The permits bound running + waiting items to workers + queue: the producer blocks for one and never runs
        // items itself, so at most `workers` items are scored at once (the executor's own queue needs no bound).
        Semaphore slots = new Semaphore(workers + Math.max(1, queue));
        ExecutorService pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>());
        AtomicReference<IOException> journalFailure = new AtomicReference<>();
        Counts counts = new Counts();
        for (T item : items) {
            if (journal.isDone(idOf.apply(item))) {
                counts.skipped++;
                continue;
            }
            if (journalFailure.get() != null) {
                counts.add(ResultRow.transientFailure(idOf.apply(item), "not started"));
                continue;
            }
            slots.acquire();
            pool.execute(() -> {
                try {
                    ResultRow row = scorer.score(item);
                    try {
                        journal.record(row);
                    } catch (IOException e) {
                        journalFailure.compareAndSet(null, e);
                        row = ResultRow.transientFailure(row.id(), "cannot write the journal: " + e.getMessage());
                    }
                    counts.add(row);
                    progress.step(row.failed());
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
        return counts.summary();
    }

    /** Thread-safe tally of rows by status. */
    private static final class Counts {
        private final Map<ResultRow.Status, Integer> byStatus = new EnumMap<>(ResultRow.Status.class);
        private int flagged;
        private int skipped;

        synchronized void add(ResultRow r) {
            byStatus.merge(r.status(), 1, Integer::sum);
            flagged += r.flagged() ? 1 : 0;
        }

        synchronized Summary summary() {
            return new Summary(skipped, get(ResultRow.Status.SCORED), get(ResultRow.Status.ERROR), flagged,
                    get(ResultRow.Status.REFUSED), get(ResultRow.Status.DUPLICATE), get(ResultRow.Status.TRANSIENT));
        }

        private int get(ResultRow.Status s) {
            return byStatus.getOrDefault(s, 0);
        }
    }
}
