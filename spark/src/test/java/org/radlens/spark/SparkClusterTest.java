package org.radlens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.radlens.cli.RadLens;
import picocli.CommandLine;

/**
 * The spark engine on a real Spark standalone cluster ({@link StandaloneCluster}: a master and two 1-core workers on
 * loopback, whose class path has Spark but none of our classes): {@code --master spark://…} from this JVM, then
 * {@code SparkSubmit} of {@code radlens-spark-app.jar} in client mode, then a run whose worker is killed mid-task;
 * each gives the in-process rows. Runs after {@code package} (surefire execution {@code spark-cluster}), which builds
 * the application jar.
 */
@Tag("spark-cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkClusterTest {
    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final Path APP_JAR = TARGET.resolve(AppJar.NAME);
    static final Path RUNS = TARGET.resolve("spark-cluster-test/runs");
    /** Both 1-core executors registered before the first task; retries and spare memory as on a small cluster. */
    static final Map<String, String> CONF = new LinkedHashMap<>(Map.of("spark.cores.max", "2",
            "spark.executor.memory", "1g", "spark.scheduler.minRegisteredResourcesRatio", "1.0",
            "spark.scheduler.maxRegisteredResourcesWaitingTime", "300s", "spark.ui.enabled", "false",
            "spark.driver.host", "127.0.0.1"));
    static StandaloneCluster cluster;
    static Path in;
    static List<String> inProcessCsv;
    static List<String> inProcessJson;

    @BeforeAll
    static void inProcessResultsAndCluster() throws Exception {
        assertTrue(Files.isRegularFile(APP_JAR), APP_JAR + " is built by package: run this test with mvn verify");
        StandaloneCluster.deleteTree(RUNS);
        in = Files.createDirectories(RUNS.resolve("in"));
        try (Stream<Path> s = Files.list(Path.of("../samples"))) {
            for (Path p : s.filter(f -> f.toString().matches(".*\\.(dcm|jpg)")).toList()) {
                Files.copy(p, in.resolve(p.getFileName()));
            }
        }
        Path kermany = dataDir().resolve("cxr/kermany/images");
        if (Files.isDirectory(kermany)) {
            try (Stream<Path> s = Files.list(kermany)) {
                for (Path p : s.sorted().limit(4).toList()) {
                    Files.copy(p, in.resolve("kermany-" + p.getFileName()));
                }
            }
        }
        byte[] dcm = Files.readAllBytes(Path.of("../samples/covid-notes-329_637.dcm"));
        Files.write(in.resolve("bad.dcm"), Arrays.copyOf(dcm, 2000));   // one error row
        Path out = RUNS.resolve("inprocess");
        assertEquals(1, run(new StringWriter(), "score", in.toString(), "--out", out.toString(), "--segment"));
        inProcessCsv = Files.readAllLines(out.resolve("results.csv"));
        inProcessJson = withoutTimings(out.resolve("results.jsonl"));
        cluster = StandaloneCluster.start(TARGET.resolve("spark-cluster-test/cluster"), TARGET.resolve("lib"), APP_JAR,
                2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();   // fails when a JVM it started (or an executor) is still alive
        }
    }

    @Test
    @Order(1)
    void masterUrlRunShipsTheApplicationJarToTwoExecutorsAndGivesTheInProcessRows() throws Exception {
        try (Stream<Path> jars = Files.list(cluster.home().resolve("jars"))) {
            for (Path j : jars.toList()) {
                assertTrue(SparkHomes.classes(j).stream().noneMatch(c -> c.startsWith("org/radlens/")), "" + j);
            }
        }
        Path out = RUNS.resolve("master-url");
        StringWriter err = new StringWriter();
        assertEquals(1, withConf(() -> run(err, "score", in.toString(), "--out", out.toString(), "--engine", "spark",
                "--master", cluster.masterUrl(), "--segment")));
        assertSameRows(out);
        assertTrue(err.toString().contains("model loaded 2 time(s)"), "one load per executor: " + err);
        for (int w = 1; w <= 2; w++) {
            List<Path> executors = cluster.executorDirs(w);
            assertEquals(1, executors.size(), "one executor on worker " + w + ": " + executors);
            assertTrue(Files.isRegularFile(executors.get(0).resolve(AppJar.NAME)),
                    "the engine shipped " + AppJar.NAME + " to " + executors.get(0));
        }
    }

    @Test
    @Order(2)
    void sparkSubmitOfTheApplicationJarInClientModeGivesTheInProcessRows() throws Exception {
        Path out = RUNS.resolve("spark-submit");
        List<String> args = new ArrayList<>(List.of("--master", cluster.masterUrl(), "--deploy-mode", "client",
                "--class", "org.radlens.cli.RadLens"));
        CONF.forEach((k, v) -> args.addAll(List.of("--conf", k + "=" + v)));
        args.addAll(List.of(APP_JAR.toString(), "score", in.toString(), "--out", out.toString(), "--engine", "spark",
                "--segment"));
        Process submit = cluster.java("spark-submit", List.of("-Xmx1g", "-Xss8m"),
                "org.apache.spark.deploy.SparkSubmit", args);
        assertTrue(submit.waitFor(10, TimeUnit.MINUTES), "spark-submit still running after 10 minutes");
        String log = Files.readString(cluster.log("spark-submit"));
        assertEquals(1, submit.exitValue(), "one error row (bad.dcm): " + StandaloneCluster.tail(cluster.log(
                "spark-submit")));
        assertTrue(log.contains("radlens score (spark): " + (inProcessCsv.size() - 2) + " scored, 1 failed"), log);
        assertTrue(log.contains("model loaded 2 time(s)"), "one load per executor: " + log);
        assertSameRows(out);
    }

    @Test
    @Order(3)
    void aWorkerKilledMidTaskStillGivesEveryRowExactlyOnce() throws Exception {
        Path out = RUNS.resolve("worker-killed");
        Path markers = Files.createDirectories(RUNS.resolve("markers"));
        Path hooks = testHooksJar(RUNS.resolve("test-hooks.jar"));
        StringWriter err = new StringWriter();
        FaultInjectingSparkEngine.inject(new BlockOnce("covid-notes-329_637.jpg", markers.toString()));
        System.setProperty("spark.jars", APP_JAR + "," + hooks);
        try {
            CompletableFuture<Integer> rc = CompletableFuture.supplyAsync(() -> withConf(() -> run(err, "score",
                    in.toString(), "--out", out.toString(), "--engine", FaultInjectingSparkEngine.NAME, "--master",
                    cluster.masterUrl(), "--segment", "--progress")));
            long pid = cluster.await("a task blocked before its commit", () -> blockedExecutor(markers, rc, err));
            Process worker = cluster.worker(ProcessHandle.of(pid).flatMap(ProcessHandle::parent)
                    .map(ProcessHandle::pid).orElse(-1L)).orElseThrow(() -> new AssertionError(
                            "executor " + pid + " is not a child of a test worker"));
            cluster.kill(worker);   // the worker JVM and its executor, mid-task
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            assertEquals(1, rc.get(10, TimeUnit.MINUTES));
        } finally {
            System.clearProperty("spark.jars");
            FaultInjectingSparkEngine.inject(PartitionScorer.BeforeCommit.NONE);
        }
        assertTrue(err.toString().contains("task attempts retried"), "the blocked task ran again: " + err);
        assertSameRows(out);
        assertEquals(inProcessCsv.size() - 1, Files.readAllLines(out.resolve("journal.jsonl")).size());
        if (Files.exists(out.resolve("spark-journal"))) {
            try (Stream<Path> left = Files.walk(out.resolve("spark-journal"))) {
                assertEquals(0, left.filter(Files::isRegularFile).count(), "every partition journal merged");
            }
        }
        cluster.await("the master listing one alive worker", () -> cluster.aliveWorkers() == 1 ? Boolean.TRUE : null);
    }

    private static Long blockedExecutor(Path markers, CompletableFuture<Integer> run, StringWriter err) {
        try (Stream<Path> s = Files.list(markers)) {
            var marker = s.filter(p -> p.getFileName().toString().startsWith("blocked-")).findFirst();
            if (marker.isPresent()) {
                return Long.parseLong(Files.readString(marker.get()).trim());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (run.isDone()) {
            throw new AssertionError("the run ended before any task blocked: " + err);
        }
        return null;
    }

    /** A jar of {@link BlockOnce} for the executors, which have only Spark and the application jar. */
    private static Path testHooksJar(Path jar) throws Exception {
        Path classes = Path.of(BlockOnce.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String name = BlockOnce.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
            j.putNextEntry(new ZipEntry(name));
            j.write(Files.readAllBytes(classes.resolve(name)));
            j.closeEntry();
        }
        return jar;
    }

    private static void assertSameRows(Path out) throws IOException {
        assertEquals(inProcessCsv, Files.readAllLines(out.resolve("results.csv")));
        assertEquals(inProcessJson, withoutTimings(out.resolve("results.jsonl")));
    }

    /** Runs {@code body} with {@link #CONF} as system properties (Spark reads {@code spark.*} from them). */
    private static int withConf(java.util.function.IntSupplier body) {
        CONF.forEach(System::setProperty);
        try {
            return body.getAsInt();
        } finally {
            CONF.keySet().forEach(System::clearProperty);
        }
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cl = RadLens.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int rc = cl.execute(args);
        System.err.print(err);
        return rc;
    }

    private static Path dataDir() {
        String p = System.getProperty("radlens.data", System.getenv("RADLENS_DATA"));
        return Path.of(p == null ? "../../shared/data" : p);
    }

    private static List<String> withoutTimings(Path jsonl) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            o.remove("timings_ms");
            rows.add(o.toString());
        }
        return rows;
    }
}
