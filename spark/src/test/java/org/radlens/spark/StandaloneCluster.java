package org.radlens.spark;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on loopback for tests: one {@code org.apache.spark.deploy.master.Master} and
 * {@code workers} {@code org.apache.spark.deploy.worker.Worker} JVMs of 1 core and 1 GB each, every port chosen by
 * the OS, started from a Spark home without our classes ({@link SparkHomes#withoutApplication}), so they reach
 * executors only through the application jar. Readiness is read from the master's log
 * (its URLs) and its JSON status page (alive workers), never from sleeps. {@link #close()} kills every JVM it started
 * and every process they started (executors included), and fails when one survives.
 */
final class StandaloneCluster implements AutoCloseable {
    static final Duration READY = Duration.ofMinutes(4);
    private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://\\S+)");
    /** The UI's port: Spark logs http://localhost:PORT, which may resolve to ::1 while the UI listens on 127.0.0.1. */
    private static final Pattern WEB_UI =
            Pattern.compile("Bound MasterWebUI to \\S+, and started at http://[^:/]+:(\\d+)");

    private final Path dir;
    private final Path home;
    private final List<Process> started = new ArrayList<>();
    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
    private final List<Process> workers = new ArrayList<>();
    private final Thread reaper = new Thread(this::killAll, "standalone-cluster-reaper");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String masterUrl;
    private String webUi;

    private StandaloneCluster(Path dir) {
        this.dir = dir;
        this.home = dir.resolve("spark-home");
        Runtime.getRuntime().addShutdownHook(reaper);   // a test JVM that dies still takes the cluster with it
    }

    /** Starts a master and {@code n} workers under {@code dir} (emptied first) and waits until all are alive. */
    static StandaloneCluster start(Path dir, Path lib, Path appJar, int n) throws IOException, InterruptedException {
        deleteTree(dir);
        StandaloneCluster c = new StandaloneCluster(Files.createDirectories(dir));
        try {
            SparkHomes.withoutApplication(c.home, lib, appJar);
            c.startMaster();
            for (int i = 1; i <= n; i++) {
                c.startWorker(i);
            }
            c.await(n + " alive workers", () -> c.workersDied().orElse(c.aliveWorkers() == n ? "" : null));
            return c;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            c.close();
            throw e;
        }
    }

    String masterUrl() {
        return masterUrl;
    }

    /** The Spark home the cluster runs from (RELEASE and {@code jars/}). */
    Path home() {
        return home;
    }

    /** The worker JVM among ours with this pid, if any. */
    Optional<Process> worker(long pid) {
        return workers.stream().filter(w -> w.pid() == pid).findFirst();
    }

    /** The master's JSON status ({@code /json/} of its web UI). */
    JsonObject status() throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(webUi + "/json/")).timeout(Duration.ofSeconds(20)).build();
        return JsonParser.parseString(http.send(req, HttpResponse.BodyHandlers.ofString()).body()).getAsJsonObject();
    }

    /** Workers the master lists as ALIVE; -1 while it does not answer. */
    int aliveWorkers() {
        try {
            int alive = 0;
            for (var w : status().getAsJsonArray("workers")) {
                alive += "ALIVE".equals(w.getAsJsonObject().get("state").getAsString()) ? 1 : 0;
            }
            return alive;
        } catch (IOException | RuntimeException e) {
            return -1;   // not answering yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Fails naming a worker JVM that exited (with its log), else empty. */
    private Optional<String> workersDied() {
        for (int i = 0; i < workers.size(); i++) {
            if (!workers.get(i).isAlive()) {
                throw new IllegalStateException("worker-" + (i + 1) + " exited with " + workers.get(i).exitValue()
                        + ": " + tail(log("worker-" + (i + 1))));
            }
        }
        return Optional.empty();
    }

    /** Starts a JVM with the cluster's class path and environment; output goes to {@code dir/NAME.log}. */
    Process java(String name, List<String> jvmOptions, String mainClass, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmOptions);
        cmd.addAll(sparkJvmOptions());
        cmd.addAll(List.of("-cp", home.resolve("jars") + "/*", mainClass));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        Stream.of("SPARK_CONF_DIR", "SPARK_DIST_CLASSPATH", "HADOOP_CONF_DIR", "SPARK_WORKER_OPTS",
                "SPARK_DAEMON_JAVA_OPTS", "SPARK_MASTER_OPTS", "SPARK_WORKER_DIR").forEach(env::remove);
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_DIRS", Files.createDirectories(dir.resolve("local-" + name)).toString());
        Process p = pb.start();
        started.add(p);
        seen.add(p.toHandle());
        return p;
    }

    /** The output of the JVM started as {@code name}. */
    Path log(String name) {
        return dir.resolve(name + ".log");
    }

    /** Kills a worker JVM and every process it started (its executors) at once, as a lost machine would. */
    void kill(Process worker) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(worker.descendants().toList());
        tree.add(worker.toHandle());
        seen.addAll(tree);
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : tree) {
            waitFor(h);
        }
    }

    /** Kills every JVM started here and their descendants; fails when one is still alive afterwards. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> alive = killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing to remove
        }
        if (!alive.isEmpty()) {
            throw new AssertionError("processes of the test cluster still running: " + alive.stream()
                    .map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).toList());
        }
    }

    private List<ProcessHandle> killAll() {
        for (Process p : started) {
            p.descendants().forEach(seen::add);
        }
        Set<ProcessHandle> all = new HashSet<>(seen);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            try {
                waitFor(h);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return all.stream().filter(ProcessHandle::isAlive).toList();
    }

    private static void waitFor(ProcessHandle h) throws InterruptedException {
        try {
            h.onExit().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // the caller checks isAlive and reports it
        }
    }

    private void startMaster() throws IOException, InterruptedException {
        Process m = java("master", List.of("-Xmx256m"), "org.apache.spark.deploy.master.Master",
                List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0"));
        masterUrl = await("the master's URL", () -> logMatch("master", m, MASTER_URL));
        webUi = "http://127.0.0.1:" + await("the master's web UI", () -> logMatch("master", m, WEB_UI));
    }

    private void startWorker(int i) throws IOException {
        Path work = Files.createDirectories(dir.resolve("worker-" + i));
        workers.add(java("worker-" + i, List.of("-Xmx256m"), "org.apache.spark.deploy.worker.Worker",
                List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "1g",
                        "--work-dir", work.toString(), masterUrl)));
    }

    /** The application's folders the executors of worker {@code i} (1-based) ran in: {@code worker-i/app-*}/N. */
    List<Path> executorDirs(int i) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> apps = Files.list(dir.resolve("worker-" + i))) {
            for (Path app : apps.toList()) {
                try (Stream<Path> ex = Files.list(app)) {
                    out.addAll(ex.filter(Files::isDirectory).toList());
                }
            }
        }
        return out;
    }

    private String logMatch(String name, Process p, Pattern pattern) {
        try {
            Matcher m = pattern.matcher(Files.readString(log(name)));
            if (m.find()) {
                return m.group(1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!p.isAlive()) {
            throw new IllegalStateException(name + " exited with " + p.exitValue() + ": " + tail(log(name)));
        }
        return null;
    }

    /** Polls {@code probe} (null = not yet) every 200 ms for up to {@link #READY}. */
    <T> T await(String what, Supplier<T> probe) throws InterruptedException {
        long until = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < until) {
            T t = probe.get();
            if (t != null) {
                return t;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the test cluster did not show " + what + " within " + READY + "; master log: "
                + tail(log("master")));
    }

    static String tail(Path log) {
        try {
            String s = Files.readString(log);
            return s.substring(Math.max(0, s.length() - 3000));
        } catch (IOException e) {
            return "(no log " + log + ")";
        }
    }

    /** The --add-opens Spark needs on Java 17, as this JVM got them (surefire's argLine). */
    static List<String> sparkJvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")).toList();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
