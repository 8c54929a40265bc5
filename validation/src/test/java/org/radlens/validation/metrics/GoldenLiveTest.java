package org.radlens.validation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regenerates fresh random cases with /usr/bin/python3 + scikit-learn (another seed each day) and checks them; skipped
 * with a message when Python or its packages are not installed.
 */
class GoldenLiveTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("src/test/python/make_golden.py");

    @Test
    void freshCasesAgreeWithScikitLearn(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "skipped: " + PYTHON + " not found");
        assumeTrue(Files.isRegularFile(SCRIPT), "skipped: " + SCRIPT.toAbsolutePath() + " not found");
        assumeTrue(run(PYTHON.toString(), "-c", "import sklearn, skimage, scipy") == 0,
                "skipped: python3 lacks sklearn/skimage/scipy (apt-get install python3-sklearn python3-skimage)");
        long seed = System.currentTimeMillis() / 86_400_000L;
        int rc = run(PYTHON.toString(), SCRIPT.toString(), dir.toString(), "--live", "--seed", "" + seed);
        assertEquals(0, rc, "make_golden.py --live failed with seed " + seed);
        for (var c : GoldenCases.load(dir, "classification")) {
            GoldenChecks.classification(c);
        }
        for (var c : GoldenCases.load(dir, "delong")) {
            GoldenChecks.delong(c);
        }
        for (var c : GoldenCases.load(dir, "retrieval")) {
            GoldenChecks.retrieval(c);
        }
        for (var c : GoldenCases.load(dir, "segmentation")) {
            GoldenChecks.segmentation(c);
        }
        for (var c : GoldenCases.load(dir, "grounding")) {
            GoldenChecks.grounding(c);
        }
    }

    private static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", cmd));
        }
        return p.exitValue();
    }
}
