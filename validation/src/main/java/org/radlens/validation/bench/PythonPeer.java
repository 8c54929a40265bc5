package org.radlens.validation.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a peer benchmark script (a class-path resource under {@code /bench/}) with a Python interpreter and reads
 * its JSON: {@code {"runner": "...", "timings": {workload: [ms, ...]}, "errors": {workload: why}}}
 * ({@code errors} optional).
 */
public final class PythonPeer {
    private final Path python;

    public PythonPeer(Path python) {
        this.python = python;
    }

    /** True when the interpreter exists and imports every module. */
    public boolean available(String... modules) {
        if (!Files.isExecutable(python)) {
            return false;
        }
        try {
            return exec(List.of(python.toString(), "-c", "import " + String.join(", ", modules)), 60).exit == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** What a peer script printed: timings by workload and, for workloads it could not run, the reason. */
    public record Output(Map<String, Timing> timings, Map<String, String> errors) {
    }

    /** Runs {@code /bench/SCRIPT} with the arguments; returns the timings by workload. */
    public Map<String, Timing> run(String script, List<String> args, int timeoutSeconds) throws IOException {
        return runAll(script, args, timeoutSeconds).timings();
    }

    /** Runs {@code /bench/SCRIPT}; returns its timings and its per-workload {@code errors} (may be empty). */
    public Output runAll(String script, List<String> args, int timeoutSeconds) throws IOException {
        Path tmp = Files.createTempFile("radlens-peer-", ".py");
        try (InputStream in = PythonPeer.class.getResourceAsStream("/bench/" + script)) {
            if (in == null) {
                throw new IOException("peer script /bench/" + script + " missing from the class path");
            }
            Files.write(tmp, in.readAllBytes());
            List<String> cmd = new ArrayList<>(List.of(python.toString(), tmp.toString()));
            cmd.addAll(args);
            Result r = exec(cmd, timeoutSeconds);
            if (r.exit != 0) {
                throw new IOException("peer " + script + " exited " + r.exit + ": " + r.output.strip());
            }
            return parse(r.output);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static Output parse(String output) throws IOException {
        try {
            JsonObject o = JsonParser.parseString(output.strip().lines().reduce((a, b) -> b).orElse(""))
                    .getAsJsonObject();
            String runner = o.get("runner").getAsString();
            Map<String, Timing> out = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("timings").entrySet()) {
                double[] ms = new double[e.getValue().getAsJsonArray().size()];
                for (int i = 0; i < ms.length; i++) {
                    ms[i] = e.getValue().getAsJsonArray().get(i).getAsDouble();
                }
                out.put(e.getKey(), Timer.summarize(e.getKey(), runner, ms));
            }
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            if (o.has("errors")) {
                o.getAsJsonObject("errors").entrySet().forEach(e -> errors.put(e.getKey(), e.getValue().getAsString()));
            }
            return new Output(out, errors);
        } catch (JsonParseException | IllegalStateException | NullPointerException e) {
            throw new IOException("peer output is not the expected JSON: " + output.strip(), e);
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(List<String> cmd, int timeoutSeconds) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out after " + timeoutSeconds + " s: " + String.join(" ", cmd));
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", cmd), e);
        }
    }
}
