package org.radlens.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.TaskContext;

/**
 * Test-only: the first attempt of the task whose partition holds {@code itemId} stops after scoring, before the
 * commit, writes {@code markerDir/blocked-PID} (PID of its executor JVM) and waits there to be killed, so that a test
 * can kill that executor's worker mid-run at a known point without guessing times. Not killed within 10 minutes, it
 * fails the attempt. Travels to executors inside {@link PartitionScorer}, in a jar the test ships with
 * {@code spark.jars}.
 */
record BlockOnce(String itemId, String markerDir) implements PartitionScorer.BeforeCommit {
    @Override
    public void check(TaskContext task, List<String> ids) throws Exception {
        if (!ids.contains(itemId) || task.attemptNumber() != 0) {
            return;
        }
        long pid = ProcessHandle.current().pid();
        Path dir = Files.createDirectories(Path.of(markerDir));
        Path tmp = Files.writeString(dir.resolve("writing-" + pid), Long.toString(pid));
        Files.move(tmp, dir.resolve("blocked-" + pid), StandardCopyOption.ATOMIC_MOVE);
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < until) {
            Thread.sleep(500);
        }
        throw new IllegalStateException("partition " + task.partitionId() + " (item " + itemId + ") was blocked for "
                + "a kill that never came");
    }
}
