package org.radlens.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.radlens.models.RadLensModel;
import org.radlens.pipeline.ScoreModels;
import org.radlens.pipeline.ScoringEngine;

/**
 * The child JVM of {@link ScoreHeapTest}: opens the model, scores {@code warm} twice (class loading, caches), then
 * scores {@code film} once with {@code --segment}, SR and SEG made, as {@code radlens score} does on one worker.
 * Exit 0 and "scored" when it fits the heap cap it was started with, 3 on {@link OutOfMemoryError}, 2 when the
 * film was not scored (refused or no SEG). Prints the bytes the scoring thread allocated for the film and the heap in
 * use after a GC before it.
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
            long a0 = t.getCurrentThreadAllocatedBytes();
            check(engine.score("film", film, true));
            long allocated = t.getCurrentThreadAllocatedBytes() - a0;
            System.out.println("scored; allocated " + allocated + " bytes; live after warm-up " + live + " bytes");
        } catch (OutOfMemoryError e) {
            System.out.println("out of memory: " + e.getMessage());
            System.exit(3);
        }
    }

    private static void check(ScoringEngine.Scored s) {
        if (s.seg().length == 0 || s.sr().length == 0) {
            System.out.println("not scored: " + s.row());
            System.exit(2);
        }
    }
}
