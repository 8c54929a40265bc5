package org.radlens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child JVMs of {@link ScoreHeapTest}: {@link ScoreHeapChild} scoring one film under a heap cap ({@code -Xmx} =
 * {@code -Xms}, Serial GC, {@link #YOUNG_MB} MiB young generation, the heap touched up front so that the child's
 * resident-set growth while it scores is native memory), and the search for the smallest cap that scores a film.
 *
 */
final class HeapProbe {
    static final int STEP_MB = 2;
    static final int YOUNG_MB = 8;

    private final Path model;
    private final boolean gdcm;
    private Run lastScored;

    /**
     * @param model the model package
     * @param gdcm  false: the child runs with {@code -Dradlens.gdcm=false} (pure-Java decoders)
     */
    HeapProbe(Path model, boolean gdcm) {
        this.model = model;
        this.gdcm = gdcm;
    }

    /** The last child that scored its film (its allocation and RSS growth figures). */
    Run lastScored() {
        return lastScored;
    }

    /** One child's verdict line and exit status (0 scored, 3 out of memory, 2 not scored). */
    record Run(int exit, String output) {
        /** A number the child printed as "{@code label} N bytes", or -1. */
        long bytes(String label) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(label + " (-?\\d+) bytes").matcher(output);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }
    }

    /** The smallest {@code -Xmx} in MB (to {@link #STEP_MB}) within (lo, hi] with which the child scores film. */
    int smallestCap(Path warm, Path film, int lo, int hi) throws IOException, InterruptedException {
        assertEquals(0, child(warm, film, hi).exit(), "scores at the upper cap -Xmx" + hi + "m");
        while (hi - lo > STEP_MB) {
            int mid = (lo + hi) / 2;
            Run r = child(warm, film, mid);
            // 3: out of memory in the scoring thread; another code may be an OutOfMemoryError wrapped elsewhere (model
            // loading): too small either way, while a film not scored (2) is a failure at any cap
            assertTrue(r.exit() != 2, "the film must be scored: " + r.output());
            if (r.exit() == 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** {@link ScoreHeapChild} scoring {@code warm} twice, then {@code film}, with a {@code capMb} MiB heap. */
    Run child(Path warm, Path film, int capMb) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + capMb + "m", "-Xms" + capMb + "m",
                "-XX:+UseSerialGC", "-Xmn" + YOUNG_MB + "m", "-XX:+AlwaysPreTouch", "-XX:TieredStopAtLevel=1"));
        if (!gdcm) {
            cmd.add("-Dradlens.gdcm=false");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ScoreHeapChild.class.getName(),
                model.toString(), warm.toString(), film.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String verdict = out.lines().filter(l -> l.startsWith("scored") || l.startsWith("out of memory")
                || l.startsWith("not scored")).reduce((a, b) -> b).orElse(out);
        Run r = new Run(p.waitFor(), verdict);
        if (r.exit() == 0) {
            lastScored = r;
        }
        return r;
    }
}
