package org.radlens.cli.score;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.radlens.cli.RadLens;

/**
 * {@code radlens} as a child JVM with its own environment (secrets reach the command through variables, which a
 * test cannot set in its own process), output (stdout + stderr) into a log file.
 */
final class ChildRadLens implements AutoCloseable {
    final Process process;
    final Path log;

    private ChildRadLens(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildRadLens start(Path log, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true", RadLens.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DJL_OFFLINE", "true");
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().putAll(env);
        return new ChildRadLens(pb.start(), log);
    }

    /** Waits for the exit (at most {@code seconds}, then kills it and fails) and returns the status. */
    int exit(int seconds) throws IOException, InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("radlens did not finish in " + seconds + " s:\n" + output());
        }
        return process.exitValue();
    }

    /** Kills the child if it still runs (a failed test must not leave a listener behind). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
