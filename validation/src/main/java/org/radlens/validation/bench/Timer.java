package org.radlens.validation.bench;

import java.util.List;
import org.radlens.validation.metrics.Quantiles;

import java.util.Arrays;

/**
 * Measures a task: {@code warmup} untimed runs (optionally continued until a minimum warm-up time has passed, so
 * the JIT has compiled the hot paths), then {@code repetitions} timed ones ({@link System#nanoTime}).
 * The task's result is kept in a field so the JIT cannot drop the work.
 *
 * <pre>{@code
 * Timing t = Timer.measure("roc_auc n=100000", 3, 20, () -> Classification.rocAuc(y, s));
 * }</pre>
 */
public final class Timer {
    private static volatile double sink;

    private Timer() {
    }

    /** Work that returns a number (consumed so it is not optimised away). */
    @FunctionalInterface
    public interface Task {
        double run();
    }

    public static Timing measure(String workload, int warmup, int repetitions, Task task) {
        return measure(workload, warmup, java.time.Duration.ZERO, repetitions, task);
    }

    /** Like {@link #measure(String, int, int, Task)}, warming up for at least {@code minWarmup} as well. */
    public static Timing measure(String workload, int warmup, java.time.Duration minWarmup, int repetitions,
                                 Task task) {
        if (warmup < 0 || repetitions < 1 || minWarmup.isNegative()) {
            throw new IllegalArgumentException("warmup >= 0, minWarmup >= 0 and repetitions >= 1 required: "
                    + warmup + ", " + minWarmup + ", " + repetitions);
        }
        // one loop for warm-up and timing: a separate warm-up loop gets compiled on-stack with the task inlined,
        // and the timed loop then starts in barely-compiled code (a cliff of up to 20x on the first repetitions)
        long end = System.nanoTime() + minWarmup.toNanos();
        double[] ms = new double[repetitions];
        int timed = 0;
        for (int i = 0; timed < repetitions; i++) {
            boolean warming = i < warmup || System.nanoTime() < end;
            long t0 = System.nanoTime();
            sink += task.run();
            long dt = System.nanoTime() - t0;
            if (!warming) {
                ms[timed++] = dt / 1e6;
            }
        }
        return summarize(workload, "java " + Runtime.version().feature(), ms);
    }

    /**
     * One timing from several rounds of the same workload: the median of the rounds' medians, the largest p95, the
     * smallest minimum, the mean weighted by repetitions. Rounds interleaved with a peer's keep a noisy moment on a
     * shared machine from landing on one side only.
     */
    public static Timing combine(List<Timing> rounds) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("no rounds to combine");
        }
        double[] medians = rounds.stream().mapToDouble(Timing::medianMs).sorted().toArray();
        int reps = rounds.stream().mapToInt(Timing::repetitions).sum();
        double mean = rounds.stream().mapToDouble(t -> t.meanMs() * t.repetitions()).sum() / reps;
        Timing first = rounds.get(0);
        return new Timing(first.workload(), first.runner(), reps, Quantiles.ofSorted(medians, 0.5),
                rounds.stream().mapToDouble(Timing::p95Ms).max().orElseThrow(),
                rounds.stream().mapToDouble(Timing::minMs).min().orElseThrow(), mean);
    }

    /** Median, p95, minimum and mean of per-repetition times in ms. */
    public static Timing summarize(String workload, String runner, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return new Timing(workload, runner, s.length, Quantiles.ofSorted(s, 0.5), Quantiles.ofSorted(s, 0.95), s[0],
                Arrays.stream(s).average().orElseThrow());
    }
}
