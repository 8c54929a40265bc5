package org.radlens.bench;

import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.radlens.models.RadLensModel;
import org.radlens.pipeline.ScoreModels;
import org.radlens.pipeline.Scored;
import org.radlens.pipeline.ScoringEngine;

/**
 * The child JVM of {@link ScoreHeapTest}: opens the model, scores {@code warm} twice (class loading, caches), then
 * scores {@code film} once with {@code --segment}, SR and SEG made, as {@code radlens score} does on one worker.
 * Exit 0 and "scored" when it fits the heap cap it was started with, 3 on {@link OutOfMemoryError}, 2 when the
 * film was not scored (refused or no SEG). Prints the bytes the scoring thread allocated for the film, the heap in
 * use after a GC before it, and (Linux) how far the process's resident set grew above its size before the film while
 * scoring it (peak RSS reset through {@code /proc/self/clear_refs}; with the heap touched up front by
 * {@code -XX:+AlwaysPreTouch}, that growth is native memory: a native decoder's buffers), or -1.
 *
 * <pre>{@code
 * java -Xmx200m -XX:+UseSerialGC -Xmn8m -cp … org.radlens.bench.ScoreHeapChild MODEL warm.dcm film.dcm
 * }</pre>
 */
public final class ScoreHeapChild {
    private ScoreHeapChild() {
    }

    public static void main(String[] args) throws Exception {
        try (RadLensModel model = ScoreModels.open(Path.of(args[0]), 2)) {
            ScoringEngine engine = new ScoringEngine(model, true);
            Path warm = Path.of(args[1]);
            Path film = Path.of(args[2]);
            for (int i = 0; i < 2; i++) {
                check(engine.score("warm", warm, true));
            }
            System.gc();
            long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long rss0 = resetPeakRss();
            long a0 = t.getCurrentThreadAllocatedBytes();
            check(engine.score("film", film, true));
            long allocated = t.getCurrentThreadAllocatedBytes() - a0;
            long rss = rss0 < 0 ? -1 : status("VmHWM") - rss0;
            System.out.println("scored; allocated " + allocated + " bytes; live after warm-up " + live + " bytes; "
                    + "rss growth " + rss + " bytes");
        } catch (OutOfMemoryError e) {
            System.out.println("out of memory: " + e.getMessage());
            System.exit(3);
        }
    }

    /** The resident set now, after resetting the peak to it; -1 where /proc does not have them. */
    private static long resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return status("VmRSS");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A "kB" line of /proc/self/status in bytes. */
    private static long status(String key) {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(key + ":"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void check(Scored s) {
        if (s.seg().length == 0 || s.sr().length == 0) {
            System.out.println("not scored: " + s.row());
            System.exit(2);
        }
    }
}
