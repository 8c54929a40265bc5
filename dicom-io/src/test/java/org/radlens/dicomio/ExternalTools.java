package org.radlens.dicomio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the Debian reference tools (dciodvfy, /usr/bin/python3 + pydicom); tests skip with a message without them. */
final class ExternalTools {
    static final String PYTHON = "/usr/bin/python3";

    record Output(int exit, String text) {
    }

    private ExternalTools() {
    }

    static void assumeDciodvfy() {
        assumeTrue(onPath("dciodvfy"), "dciodvfy (Debian dicom3tools) not installed: run ./bootstrap --test-tools");
    }

    static void assumePydicom() throws IOException, InterruptedException {
        boolean ok = Files.isExecutable(Path.of(PYTHON)) && run(PYTHON, "-c", "import pydicom").exit() == 0;
        assumeTrue(ok, "/usr/bin/python3 with pydicom (Debian python3-pydicom) not installed: ./bootstrap --test-tools");
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** dciodvfy's lines that report errors ("Error - ..."). */
    static List<String> dciodvfyErrors(Path file) throws IOException, InterruptedException {
        Output o = run("dciodvfy", file.toString());
        List<String> errors = new ArrayList<>();
        for (String line : o.text().split("\n")) {
            if (line.startsWith("Error")) {
                errors.add(line);
            }
        }
        return errors;
    }

    static Output python(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, "-c", script));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new));
    }

    static Output run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish in 60 s");
        }
        return new Output(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
