package org.radlens.spark;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;

/**
 * Test-only fault injection: the first attempt of the task whose partition holds {@code itemId} fails after scoring,
 * before the commit, by throwing or ({@code haltExecutor}) by halting its executor JVM with exit code 137, as an
 * executor lost mid-task would. Travels to executors serialized inside {@link PartitionScorer}.
 */
record FailOnce(String itemId, boolean haltExecutor) implements PartitionScorer.BeforeCommit {
    private static final AtomicInteger INJECTED = new AtomicInteger();

    /** Failures injected in this JVM (the driver's, in local mode, where tasks run in it). */
    static int injected() {
        return INJECTED.get();
    }

    @Override
    public void check(TaskContext task, List<String> ids) {
        if (!ids.contains(itemId) || task.attemptNumber() != 0) {
            return;
        }
        INJECTED.incrementAndGet();
        if (haltExecutor) {
            Runtime.getRuntime().halt(137);
        }
        throw new IllegalStateException("injected failure (item " + itemId + ") in partition " + task.partitionId()
                + ", attempt 0");
    }
}
