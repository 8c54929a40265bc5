package org.radlens.spark;

import java.io.PrintWriter;
import java.util.Locale;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.radlens.pipeline.Progress;

/**
 * Driver progress of the scoring job from Spark's listener bus, one line on stderr redrawn at most every 200 ms:
 * {@code [spark] tasks 3/8, 24/64 images (1 task retried) 5.2 img/s ETA 0:08}. Images are counted when their task
 * succeeds (partition sizes are known on the driver). Only tasks of the job group's jobs count. Thread-safe.
 */
public final class SparkProgress extends SparkListener {
    private final PrintWriter out;
    private final boolean enabled;
    private final int[] partitionSizes;
    private final long totalItems;
    private final long start = System.nanoTime();
    private final String jobGroup;
    private final java.util.Set<Integer> stages = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private int tasksDone;
    private long itemsDone;
    private int retried;
    private long lastDraw;

    /** Follows the jobs of Spark job group {@code jobGroup}; {@code partitionSizes[i]} = items of partition i. */
    public SparkProgress(String jobGroup, PrintWriter out, boolean enabled, int[] partitionSizes) {
        this.jobGroup = jobGroup;
        this.out = out;
        this.enabled = enabled;
        this.partitionSizes = partitionSizes.clone();
        this.totalItems = java.util.Arrays.stream(partitionSizes).asLongStream().sum();
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        if (start.properties() != null && jobGroup.equals(start.properties().getProperty("spark.jobGroup.id"))) {
            scala.jdk.javaapi.CollectionConverters.asJava(start.stageIds()).forEach(id -> stages.add((Integer) id));
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        if (!stages.contains(end.stageId())) {
            return;
        }
        int index = end.taskInfo().index();
        if (end.reason() == Success$.MODULE$ && index < partitionSizes.length) {
            tasksDone++;
            itemsDone += partitionSizes[index];
        } else {
            retried++;
        }
        long now = System.nanoTime();
        if (enabled && (now - lastDraw > 200_000_000L || tasksDone == partitionSizes.length)) {
            lastDraw = now;
            out.print('\r' + line(now));
            out.flush();
        }
    }

    /** Ends the progress line (when enabled). */
    public synchronized void finish() {
        if (enabled) {
            out.println('\r' + line(System.nanoTime()));
            out.flush();
        }
    }

    synchronized String line(long now) {
        double secs = Math.max(1e-3, (now - start) / 1e9);
        double rate = itemsDone / secs;
        String eta = rate > 0 ? Progress.clock((totalItems - itemsDone) / rate) : "?";
        return String.format(Locale.ROOT, "[spark] tasks %d/%d, %d/%d images%s %.1f img/s ETA %s", tasksDone,
                partitionSizes.length, itemsDone, totalItems, retried > 0 ? " (" + retried + " task attempts retried)"
                        : "", rate, eta);
    }
}
