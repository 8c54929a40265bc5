package org.radlens.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.radlens.models.DefaultModel;
import org.radlens.pipeline.FileInputs;
import org.radlens.pipeline.Journal;
import org.radlens.pipeline.OutputFiles;
import org.radlens.pipeline.ResultRow;
import org.radlens.pipeline.ScoreEngineProvider;
import org.radlens.pipeline.UidClaims;

/**
 * The {@code spark} engine of {@code radlens score}. The driver merges partition journals left by a killed run, lists
 * the inputs ({@link FileInputs}), drops ids the journal has finished, splits the rest into partitions and runs one
 * {@link PartitionScorer} task per partition; it then merges the committed partition journals into
 * {@code OUT/journal.jsonl} and rebuilds {@code results.csv}, {@code results.jsonl} ({@link OutputFiles}, as
 * in-process) and {@code results.parquet} ({@link ParquetResults}) from it. Exactly-once: deterministic item ids plus
 * the journal protocol of {@link PartitionJournals}. {@code OUT} and the model package must be reachable from every
 * executor under the same path; a cluster's executors get the classes from {@link AppJar}. System properties:
 * {@code radlens.spark.itemsPerPartition} (default 64); {@code spark.*} ones configure Spark.
 */
public final class SparkScoreEngine implements ScoreEngineProvider {
    private final PartitionScorer.BeforeCommit beforeCommit;

    /** The engine {@code radlens score --engine spark} finds through {@link java.util.ServiceLoader}. */
    public SparkScoreEngine() {
        this(PartitionScorer.BeforeCommit.NONE);
    }

    /** An engine whose tasks run {@code beforeCommit} between scoring and commit (fault-injection tests). */
    SparkScoreEngine(PartitionScorer.BeforeCommit beforeCommit) {
        this.beforeCommit = beforeCommit;
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Outcome score(Request r) throws Exception {
        Path out = r.out().toAbsolutePath();
        Path journalDir = out.resolve("spark-journal");
        Path model = (r.model() != null ? r.model() : DefaultModel.locate()).toAbsolutePath();
        String master = Masters.withRetries(r.master());
        try (Journal journal = Journal.open(out.resolve("journal.jsonl"))) {
            int recovered = PartitionJournals.mergeInto(journalDir, journal);
            if (recovered > 0) {
                r.err().printf("radlens score (spark): %d rows recovered from a killed run's committed partitions%n",
                        recovered);
            }
            List<FileInputs.Item> all = FileInputs.expand(r.inputs(), out);
            List<WorkItem> todo = all.stream().filter(i -> !journal.isDone(i.id())).map(WorkItem::of).toList();
            SparkSession spark = session(master);
            try {
                PartitionScorer.Counters c = counters(spark);
                if (!todo.isEmpty()) {
                    runJob(spark, r, master, model, journalDir, todo, c);
                }
                PartitionJournals.mergeInto(journalDir, journal);
                OutputFiles.write(out, journal.rows());
                ParquetResults.write(spark, out.resolve("results.parquet"), journal.rows());
                if (c.modelLoads().value() > 0) {
                    r.err().printf(Locale.ROOT, "radlens score (spark): model loaded %d time(s), %.1f s in all%n",
                            c.modelLoads().value(), c.modelLoadMillis().value() / 1000.0);
                }
                return new Outcome(c.summary(all.size() - todo.size()), journal.rows());
            } finally {
                spark.stop();
            }
        }
    }

    private static PartitionScorer.Counters counters(SparkSession spark) {
        var sc = spark.sparkContext();
        java.util.Map<ResultRow.Status, org.apache.spark.util.LongAccumulator> byStatus =
                new java.util.EnumMap<>(ResultRow.Status.class);
        for (ResultRow.Status st : ResultRow.Status.values()) {
            byStatus.put(st, sc.longAccumulator("radlens " + st.label()));
        }
        return new PartitionScorer.Counters(sc.longAccumulator("radlens scored"), sc.longAccumulator("radlens failed"),
                sc.longAccumulator("radlens model loads"), sc.longAccumulator("radlens model load ms"), byStatus,
                sc.longAccumulator("radlens flagged"));
    }

    private void runJob(SparkSession spark, Request r, String master, Path model, Path journalDir,
                               List<WorkItem> todo, PartitionScorer.Counters c) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int perPartition = Math.max(1, Integer.getInteger("radlens.spark.itemsPerPartition", 64));
        int parts = partitions(todo.size(), perPartition, jsc.defaultParallelism());
        String run = "run-" + UUID.randomUUID();
        SparkProgress progress = new SparkProgress(run, r.err(), r.progress(), sliceSizes(todo.size(), parts));
        spark.sparkContext().addSparkListener(progress);
        jsc.setJobGroup(run, "radlens score: " + todo.size() + " images in " + parts + " partitions", false);
        try {
            int slots = Masters.slotsPerExecutor(master, spark.sparkContext().getConf().getInt("spark.executor.cores",
                    1));
            jsc.parallelize(todo, parts).foreachPartition(new PartitionScorer(model, r.segment(),
                    r.writeDicom() ? r.out().resolve("dicom") : null, journalDir, run, slots,
                    beforeCommit, c,
                    UidClaims.in(r.out().toAbsolutePath()).dir(), r.modalities(), r.reducedDecode()));
        } finally {
            jsc.clearJobGroup();
            progress.finish();
            spark.sparkContext().removeSparkListener(progress);
        }
    }

    /** At least one partition per {@code perPartition} items, and two per task slot while items last. */
    static int partitions(int items, int perPartition, int parallelism) {
        return Math.max(1, Math.max((items + perPartition - 1) / perPartition, Math.min(items, 2 * parallelism)));
    }

    /** Sizes of the slices {@code JavaSparkContext.parallelize(list, parts)} makes (Spark's positions formula). */
    static int[] sliceSizes(int items, int parts) {
        int[] sizes = new int[parts];
        for (int i = 0; i < parts; i++) {
            sizes[i] = (int) (((long) (i + 1) * items) / parts - ((long) i * items) / parts);
        }
        return sizes;
    }

    /**
     * Executors get {@value #EXECUTOR_STACK} unless {@code spark.executor.extraJavaOptions} is set: with Spark's jars
     * on the class path, loading the model overflowed a 1–2 MB thread stack in native code (SIGSEGV, exit 139).
     */
    static final String EXECUTOR_STACK = "-Xss8m";

    private static SparkSession session(String master) {
        SparkSession.Builder b = SparkSession.builder();
        if (System.getProperty("spark.executor.extraJavaOptions") == null) {
            b = b.config("spark.executor.extraJavaOptions", EXECUTOR_STACK);
        }
        String jars = AppJar.sparkJars(master, System.getProperty("spark.jars"), AppJar.codeSource());
        if (jars != null) {
            b = b.config("spark.jars", jars);   // a cluster's executors get our classes from it
        }
        return b.master(master).appName("radlens score")
                .config("spark.executorEnv.DJL_OFFLINE", "true")
                .config("spark.executorEnv.OPT_OUT_TRACKING", "true")
                .config("spark.executorEnv.ORT_DISABLE_TELEMETRY", "1")   // belt and braces: ORT is pinned to 1.28
                .config("spark.sql.sources.partitionOverwriteMode", "static")
                .getOrCreate();
    }
}
