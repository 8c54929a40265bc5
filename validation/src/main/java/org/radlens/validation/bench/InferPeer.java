package org.radlens.validation.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python side of {@code radlens bench infer}: {@code /bench/peer_infer.py} runs the training code's model
 * ({@code radlens_train}) in Debian torch on the same images: warm latencies per thread count, and cold start
 * timed as a whole process. Missing torch or training code gives notes, not failures.
 */
public final class InferPeer {
    private final InferSettings s;
    private final PythonPeer peer;
    private final List<String> notes;

    public InferPeer(InferSettings settings, List<String> notes) {
        this.s = settings;
        this.peer = new PythonPeer(settings.python());
        this.notes = notes;
    }

    /** Why the peer cannot run, or null when it can. */
    public String unavailable() {
        if (!peer.available("torch", "numpy", "PIL")) {
            return "peer not installed: " + s.python() + " with torch, numpy, PIL";
        }
        if (!Files.isRegularFile(s.training().resolve("radlens_train/infer.py"))) {
            return "peer not installed: no radlens_train under " + s.training();
        }
        return null;
    }

    /** Warm timings by workload ({@code classify threads=N}); a failed thread count becomes a note. */
    public Map<String, Timing> warm() throws IOException {
        Map<String, Timing> out = new LinkedHashMap<>();
        for (int threads : s.threadCounts()) {
            try {
                out.putAll(peer.run("peer_infer.py", args("warm", threads), 3600));
            } catch (IOException e) {
                notes.add("peer at " + threads + " threads failed: " + e.getMessage());
            }
        }
        return out;
    }

    /** Cold start: the whole peer process classifying one image, timed by this process. */
    public Timing cold() throws IOException {
        Path script = Files.createTempFile("radlens-peer-infer-", ".py");
        try (InputStream in = InferPeer.class.getResourceAsStream("/bench/peer_infer.py")) {
            if (in == null) {
                throw new IOException("peer script /bench/peer_infer.py missing from the class path");
            }
            Files.write(script, in.readAllBytes());
            List<String> cmd = new ArrayList<>(List.of(s.python().toString(), script.toString()));
            cmd.addAll(args("cold", 1));
            return ColdStart.measure("cold start classify 1 image", "python3 torch", cmd, s.coldRuns(), 600);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private List<String> args(String mode, int threads) {
        List<String> a = new ArrayList<>(List.of(s.training().toString(),
                s.modelPackage().resolve("radlens-model.json").toString(),
                s.checkpoint() == null ? "-" : s.checkpoint().toString(), mode, "" + threads, "" + s.warmup(),
                "" + s.repetitions()));
        s.images().forEach(p -> a.add(p.toString()));
        return a;
    }
}
