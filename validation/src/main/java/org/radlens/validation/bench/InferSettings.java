package org.radlens.validation.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code radlens bench infer} measures.
 *
 * @param modelPackage  model package folder (or zip)
 * @param images        inputs, cycled (any format {@code ImageFiles.readImage2D} reads)
 * @param threads       worker threads of the N-thread run (the 1-thread run always happens)
 * @param warmup        untimed images per worker thread and task
 * @param repetitions   timed images per worker thread and task
 * @param coldRuns      child processes started for the cold-start figure (0: none)
 * @param python        peer interpreter
 * @param training      {@code models/training} (the peer imports {@code radlens_train} from it)
 * @param checkpoint    optional state dict for the peer; null = random initialisation (timing does not depend on it)
 * @param coldCommand   the command prefix of the Java cold start, e.g. {@code java -cp CP org.radlens.cli.RadLens};
 *                      {@code classify --model PKG IMAGE} is appended
 */
public record InferSettings(Path modelPackage, List<Path> images, int threads, int warmup, int repetitions,
        int coldRuns, Path python, Path training, Path checkpoint, List<String> coldCommand) {
    public InferSettings {
        images = List.copyOf(images);
        coldCommand = List.copyOf(coldCommand);
        if (images.isEmpty() || threads < 1 || warmup < 0 || repetitions < 1 || coldRuns < 0) {
            throw new IllegalArgumentException("need images, threads >= 1, warmup >= 0, repetitions >= 1, "
                    + "cold runs >= 0: " + images.size() + " images, " + threads + ", " + warmup + ", " + repetitions
                    + ", " + coldRuns);
        }
    }

    /** The settings as JSON-ready values. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", modelPackage.toString());
        m.put("images", images.stream().map(Path::toString).toList());
        m.put("threads", threadCounts());
        m.put("warmup", warmup);
        m.put("repetitions_per_thread", repetitions);
        m.put("cold_runs", coldRuns);
        m.put("peer_checkpoint", checkpoint == null ? "random init" : checkpoint.toString());
        return m;
    }

    /** 1, and {@code threads} when it is more. */
    public List<Integer> threadCounts() {
        return threads == 1 ? List.of(1) : List.of(1, threads);
    }
}
