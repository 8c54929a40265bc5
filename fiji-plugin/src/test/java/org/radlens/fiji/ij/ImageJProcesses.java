package org.radlens.fiji.ij;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Starts real ImageJ 1 processes for the integration tests: an ImageJ folder whose {@code plugins/} holds a
 * RadLens_Plugin jar made from {@code target/classes} (what the packaged jar holds), the test classpath minus
 * {@code target/classes} (so the commands really come from the plugin jar through ImageJ's plugin class loader),
 * and a time limit (ImageJ waits forever on a modal dialog).
 */
final class ImageJProcesses {
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path ROOT = Path.of(System.getProperty("radlens.home", "..")).toAbsolutePath().normalize();
    static final Path IJ_DIR = MODULE.resolve("target/imagej-it");
    static final Path MACROS = MODULE.resolve("src/test/resources/macros");
    private static final long LIMIT_SECONDS = 150;

    private ImageJProcesses() {
    }

    /** True when {@code xvfb-run} is on the PATH. */
    static boolean hasXvfbRun() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "xvfb-run"))) {
                return true;
            }
        }
        return false;
    }

    /** Writes {@code plugins/RadLens_Plugin-test.jar} (classes + plugins.config) once. */
    static synchronized void installPlugin() throws IOException {
        Path jar = IJ_DIR.resolve("plugins/RadLens_Plugin-test.jar");
        Files.createDirectories(jar.getParent());
        Path classes = MODULE.resolve("target/classes");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
             Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }

    /** The child classpath: the test classpath without the plugin's own classes. */
    static String classpath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> out = new ArrayList<>();
        String own = MODULE.resolve("target/classes").toString();
        for (String e : cp.split(File.pathSeparator)) {
            if (!e.isEmpty() && !Path.of(e).toAbsolutePath().toString().equals(own)) {
                out.add(e);
            }
        }
        return String.join(File.pathSeparator, out);
    }

    /** Common JVM options: isolated preferences, the checkout (for the default model), offline DJL. */
    static List<String> java(String... jvmOptions) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-Duser.home=" + IJ_DIR.resolve("home"), "-Dradlens.home=" + ROOT,
                "-Dplugins.dir=" + IJ_DIR, "-Dai.djl.offline=true"));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", classpath()));
        return cmd;
    }

    /** Runs {@code command}, output to {@code log}; returns the exit code (-1 when killed at the time limit). */
    static int run(List<String> command, Path log) throws IOException, InterruptedException {
        return run(new ProcessBuilder(command).redirectErrorStream(true), log);
    }

    /**
     * As {@link #run(List, Path)} with standard error apart in {@code errors}: {@code log} then holds what ImageJ
     * writes to its Log (ImageJ without a window logs to standard output), not the libraries' java.util.logging.
     */
    static int run(List<String> command, Path log, Path errors) throws IOException, InterruptedException {
        return run(new ProcessBuilder(command).redirectError(errors.toFile()), log);
    }

    private static int run(ProcessBuilder pb, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        pb.redirectOutput(log.toFile());
        pb.environment().remove("RADLENS_MODEL"); // it would come before the package chosen with Model…
        pb.environment().put("DJL_OFFLINE", "true");
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().put("ORT_DISABLE_TELEMETRY", "1");
        Process p = pb.start();
        if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** A fresh output folder. */
    static Path freshDir(String name) throws IOException {
        Path dir = IJ_DIR.resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
