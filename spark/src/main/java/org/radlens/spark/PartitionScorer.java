package org.radlens.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.util.LongAccumulator;
import java.util.Map;
import org.radlens.pipeline.BatchRunner;
import org.radlens.pipeline.FolderScoring;
import org.radlens.pipeline.ResultRow;
import org.radlens.pipeline.UidClaims;

/**
 * The Spark task: scores the items of one partition with the executor's model ({@link ExecutorModels}) and the cli's
 * {@link FolderScoring} (item failures become error rows there), then commits the partition's rows with
 * {@link PartitionJournals#commit}. Accumulators count committed items and model loads; a task that fails scores its
 * partition again on retry, and only one attempt's rows are ever committed.
 */
public final class PartitionScorer implements VoidFunction<Iterator<WorkItem>> {
    private static final long serialVersionUID = 1L;

    /**
     * Runs in the task after its partition is scored and before the commit; throwing fails the attempt (Spark retries
     * it, and the attempt's rows are never committed). The engine passes {@link #NONE}; tests pass one that fails a
     * chosen attempt, to prove the exactly-once protocol under task retries and executor loss.
     */
    @FunctionalInterface
    public interface BeforeCommit extends java.io.Serializable {
        /** Nothing runs between scoring and commit. */
        BeforeCommit NONE = (task, ids) -> { };

        /** @param ids the ids of the partition's items, in order */
        void check(TaskContext task, List<String> ids) throws Exception;
    }

    /** The driver-side counters a job reports. */
    public record Counters(LongAccumulator scored, LongAccumulator failed, LongAccumulator modelLoads,
                           LongAccumulator modelLoadMillis, Map<ResultRow.Status, LongAccumulator> byStatus,
                           LongAccumulator flagged) implements java.io.Serializable {
        /** Counts committed rows: scored/failed as before, and each status. */
        void add(List<ResultRow> rows) {
            long bad = rows.stream().filter(ResultRow::failed).count();
            scored.add(rows.size() - bad);
            failed.add(bad);
            rows.forEach(r -> byStatus.get(r.status()).add(1));
            flagged.add(rows.stream().filter(ResultRow::flagged).count());
        }

        /** This run's counts as the command's summary. */
        BatchRunner.Summary summary(int skipped) {
            return new BatchRunner.Summary(skipped, count(ResultRow.Status.SCORED), count(ResultRow.Status.ERROR),
                    (int) (long) flagged.value(), count(ResultRow.Status.REFUSED), count(ResultRow.Status.DUPLICATE),
                    count(ResultRow.Status.TRANSIENT));
        }

        private int count(ResultRow.Status s) {
            return (int) (long) byStatus.get(s).value();
        }
    }

    private final String modelPath;
    private final boolean segment;
    private final String dicomOut;
    private final String journalDir;
    private final String claimsDir;
    private final ArrayList<String> modalities;
    private final boolean reducedDecode;
    private final String run;
    private final int slots;
    private final BeforeCommit beforeCommit;
    private final Counters counters;

    /**
     * @param dicomOut   folder for SR/SEG files, or null for none
     * @param beforeCommit runs between scoring and commit ({@link BeforeCommit#NONE} in production)
     * @param claimsDir  the output's {@link UidClaims} folder, shared by every executor
     * @param modalities the input gate's modalities ({@code --modality})
     * @param reducedDecode JPEG 2000 films at a reduced resolution ({@code --reduced-decode})
     */
    public PartitionScorer(Path modelPath, boolean segment, Path dicomOut, Path journalDir, String run, int slots,
                           BeforeCommit beforeCommit, Counters counters, Path claimsDir,
                           List<String> modalities, boolean reducedDecode) {
        this.reducedDecode = reducedDecode;
        this.claimsDir = claimsDir.toAbsolutePath().toString();
        this.modalities = new ArrayList<>(modalities);
        this.modelPath = modelPath.toAbsolutePath().toString();
        this.segment = segment;
        this.dicomOut = dicomOut == null ? null : dicomOut.toAbsolutePath().toString();
        this.journalDir = journalDir.toAbsolutePath().toString();
        this.run = run;
        this.slots = slots;
        this.beforeCommit = beforeCommit;
        this.counters = counters;
    }

    @Override
    public void call(Iterator<WorkItem> items) throws Exception {
        ExecutorModels.Loaded loaded = ExecutorModels.get(Path.of(modelPath), segment, slots, modalities,
                reducedDecode);
        if (loaded.fresh()) {
            counters.modelLoads().add(1);
            counters.modelLoadMillis().add(loaded.loadMillis());
        }
        FolderScoring scoring = new FolderScoring(loaded.engine(), dicomOut == null ? null : Path.of(dicomOut),
                new UidClaims(Path.of(claimsDir)));
        TaskContext task = TaskContext.get();
        List<ResultRow> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        while (items.hasNext()) {
            WorkItem item = items.next();
            rows.add(scoring.score(item.toItem()));
            ids.add(item.id());
        }
        beforeCommit.check(task, ids);
        if (PartitionJournals.commit(Path.of(journalDir), run, task.partitionId(), task.attemptNumber(), rows)) {
            counters.add(rows);
        }
    }
}
