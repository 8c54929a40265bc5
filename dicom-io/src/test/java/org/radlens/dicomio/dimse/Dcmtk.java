package org.radlens.dicomio.dimse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** dcmtk's network tools as real peers for the DIMSE tests; skipped (JUnit assumption) without Debian dcmtk. */
final class Dcmtk {
    record Result(int exit, String output) {
    }

    private Dcmtk() {
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/storescu")) && Files.isExecutable(Path.of("/usr/bin/echoscu"))
                && Files.isExecutable(Path.of("/usr/bin/storescp")), "dcmtk not installed: ./bootstrap --test-tools");
    }

    /** Runs a dcmtk tool to completion (60 s at most) and returns its exit status and output. */
    static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish in 60 s");
        }
        return new Result(p.exitValue(), new String(out));
    }
}
