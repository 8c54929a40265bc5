package org.radlens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.cli.RadLens;
import picocli.CommandLine;

/**
 * {@code radlens score --engine spark --master local[2]} against the in-process engine on the bundled samples, up to
 * four Kermany images from RADLENS_DATA (when present) and one truncated DICOM.
 */
class SparkScoreEngineTest {
    @TempDir
    static Path tmp;
    static Path in;
    static List<String> inProcessCsv;
    static List<String> inProcessJson;

    @BeforeAll
    static void inputsAndInProcessResults() throws Exception {
        in = Files.createDirectories(tmp.resolve("in"));
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
        } else {
            System.err.println("RADLENS_DATA has no cxr/kermany/images: only the bundled samples are scored");
        }
        byte[] dcm = Files.readAllBytes(Path.of("../samples/covid-notes-329_637.dcm"));
        Files.write(in.resolve("bad.dcm"), Arrays.copyOf(dcm, 2000));
        Path out = tmp.resolve("inprocess");
        assertEquals(1, run("score", in.toString(), "--out", out.toString(), "--workers", "2", "--segment"));
        inProcessCsv = Files.readAllLines(out.resolve("results.csv"));
        inProcessJson = withoutTimings(out.resolve("results.jsonl"));
    }

    @Test
    void sparkLocal2EqualsInProcessRowForRowWithOneErrorRowAndParquet() throws Exception {
        Path out = tmp.resolve("spark");
        StringWriter err = new StringWriter();
        assertEquals(1, run(err, "score", in.toString(), "--out", out.toString(), "--engine", "spark",
                "--master", "local[2]", "--segment", "--progress"));
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(inProcessCsv, csv);
        assertEquals(inProcessJson, withoutTimings(out.resolve("results.jsonl")));
        assertEquals(1, csv.stream().filter(r -> r.startsWith("bad.dcm,") && r.contains("bad.dcm: ")).count(), "" + csv);
        assertTrue(err.toString().contains("[spark] tasks "), err.toString());
        assertTrue(err.toString().contains("model loaded 1 time(s)"), err.toString()); // one JVM: one load
        assertParquet(out, csv.size() - 1);

        // a re-run finds every item in the journal: nothing is scored again, the same results
        err = new StringWriter();
        assertEquals(1, run(err, "score", in.toString(), "--out", out.toString(), "--engine", "spark",
                "--master", "local[2]", "--segment"));
        assertTrue(err.toString().contains("0 scored, 0 failed, " + (csv.size() - 1) + " already done"), err.toString());
        assertEquals(csv, Files.readAllLines(out.resolve("results.csv")));
        assertEquals(csv.size() - 1, Files.readAllLines(out.resolve("journal.jsonl")).size());
    }

    @Test
    void aTaskFailingOnceStillGivesEveryItemExactlyOnce() throws Exception {
        Path out = tmp.resolve("spark-retry");
        int before = FailOnce.injected();
        FaultInjectingSparkEngine.inject(new FailOnce("kermany-normal-IM-0001-0001.jpg", false));
        try {
            assertEquals(1, run("score", in.toString(), "--out", out.toString(), "--engine",
                    FaultInjectingSparkEngine.NAME, "--master", "local[2]", "--segment"));
        } finally {
            FaultInjectingSparkEngine.inject(PartitionScorer.BeforeCommit.NONE);
        }
        assertEquals(before + 1, FailOnce.injected(), "the failure was injected once");
        assertEquals(inProcessCsv, Files.readAllLines(out.resolve("results.csv")));
        assertEquals(inProcessCsv.size() - 1, Files.readAllLines(out.resolve("journal.jsonl")).size());
        assertTrue(!Files.exists(out.resolve("spark-journal")) || isEmpty(out.resolve("spark-journal")));
    }

    @Test
    void localClusterWithTwoExecutorJvmsAndOneKilledEqualsInProcess() throws Exception {
        // executors start from SPARK_HOME (set by surefire): a minimal one with RELEASE and jars/ linking the test
        // class path's jars; class folders and SLF4J 2 (first, see pom) go on spark.executor.extraClassPath. (Putting
        // the whole test class path on extraClassPath made executor JVMs exit with 139 before the engine gave them
        // -Xss8m: the native stack overflow described in spark/README.md.)
        Path home = Path.of(System.getenv().getOrDefault("SPARK_HOME", "target/spark-home"));
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.writeString(home.resolve("RELEASE"), "Spark 3.5.8 (RadLens test class path)\n");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        StringBuilder extra = new StringBuilder();
        for (String e : cp.split(java.io.File.pathSeparator)) {
            Path p = Path.of(e);
            if (Files.isDirectory(p) || e.contains("slf4j-api-2")) {
                extra.insert(0, e + java.io.File.pathSeparator);
            } else if (Files.isRegularFile(p) && !Files.exists(jars.resolve(p.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
            }
        }
        System.setProperty("spark.executor.extraClassPath", extra.toString());
        Path out = tmp.resolve("spark-cluster");
        StringWriter err = new StringWriter();
        // the executor JVM running the task that holds this item halts (exit 137) after scoring it, before the commit
        FaultInjectingSparkEngine.inject(new FailOnce("covid-notes-329_637.jpg", true));
        try {
            assertEquals(1, run(err, "score", in.toString(), "--out", out.toString(), "--engine",
                    FaultInjectingSparkEngine.NAME, "--master", "local-cluster[2,1,1024]", "--segment", "--progress"));
        } finally {
            System.clearProperty("spark.executor.extraClassPath");
            FaultInjectingSparkEngine.inject(PartitionScorer.BeforeCommit.NONE);
        }
        assertTrue(err.toString().contains("task attempts retried"), "an executor was lost: " + err);
        assertEquals(inProcessCsv, Files.readAllLines(out.resolve("results.csv")));
        assertEquals(inProcessJson, withoutTimings(out.resolve("results.jsonl")));
        // the model is loaded once per executor JVM, never per task (4 tasks; 2 executors + the replacement of the
        // killed one; a killed executor's load is not counted: its accumulator updates die with it)
        assertTrue(err.toString().matches("(?s).*model loaded [123] time\\(s\\).*"), err.toString());
    }

    private static void assertParquet(Path out, int rows) {
        SparkSession spark = SparkSession.builder().master("local[1]").appName("test").getOrCreate();
        try {
            var df = spark.read().parquet(out.resolve("results.parquet").toString());
            assertEquals(rows, df.count());
            assertEquals(rows, df.select("id").distinct().count());
            assertEquals(1, df.filter("error != ''").count());
            var bad = df.filter("id = 'bad.dcm'").collectAsList().get(0);
            assertEquals(ParquetResults.bucket("bad.dcm"), (int) bad.getAs("bucket"));
        } finally {
            spark.stop();
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
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

    private static int run(String... args) {
        return run(new StringWriter(), args);
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
}
