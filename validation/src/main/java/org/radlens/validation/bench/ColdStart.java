package org.radlens.validation.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times whole child processes (start → exit) as the parent sees them: the cold-start figure of
 * {@code radlens bench infer}, for the Java CLI ({@code java -cp … RadLens classify …}) and for the Python peer.
 */
public final class ColdStart {
    private ColdStart() {
    }

    /** Runs {@code command} {@code runs} times (≥ 1); a non-zero exit is an {@link IOException} with its output. */
    public static Timing measure(String workload, String runner, List<String> command, int runs, int timeoutSeconds)
            throws IOException {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1: " + runs);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            ms[i] = once(command, timeoutSeconds);
        }
        return Timer.summarize(workload, runner, ms);
    }

    private static double once(List<String> command, int timeoutSeconds) throws IOException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream in = p.getInputStream()) {
            byte[] out = in.readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("cold start timed out after " + timeoutSeconds + " s: " + command);
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            if (p.exitValue() != 0) {
                String text = new String(out, StandardCharsets.UTF_8).strip();
                throw new IOException("cold start exited " + p.exitValue() + ": "
                        + text.substring(Math.max(0, text.length() - 400)));
            }
            return ms;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        }
    }
}
