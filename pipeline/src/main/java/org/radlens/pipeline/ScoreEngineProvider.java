package org.radlens.pipeline;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * A batch-scoring engine for {@code radlens score --engine NAME}, found with {@link java.util.ServiceLoader} (the
 * {@code inprocess} engine is built into the command). An engine scores every file of {@link Request#inputs()} with
 * {@link FolderScoring} (the same per-item code as in-process) and leaves in {@link Request#out()} the same
 * {@code journal.jsonl}, {@code results.csv} and {@code results.jsonl}, each item exactly once. Example: the
 * {@code spark} module registers {@code org.radlens.spark.SparkScoreEngine} in
 * {@code META-INF/services/org.radlens.pipeline.ScoreEngineProvider}.
 */
public interface ScoreEngineProvider {
    /**
     * What the command asked for; {@code model} null means the bundled model, {@code master} null the default;
     * {@code modalities} are those of {@code --modality} (the input gate's, {@code ScopeGate});
     * {@code reducedDecode}: {@code --reduced-decode} (JPEG 2000 films at a reduced resolution, {@link ScoringEngine}).
     */
    record Request(List<String> inputs, Path out, Path model, boolean segment, boolean writeDicom, String master,
                   boolean progress, PrintWriter err, List<String> modalities, boolean reducedDecode) {
        public Request {
            inputs = List.copyOf(inputs);
            modalities = List.copyOf(modalities);
        }

        /** Full decoding. */
        public Request(List<String> inputs, Path out, Path model, boolean segment, boolean writeDicom, String master,
                       boolean progress, PrintWriter err, List<String> modalities) {
            this(inputs, out, model, segment, writeDicom, master, progress, err, modalities, false);
        }

        public Request(List<String> inputs, Path out, Path model, boolean segment, boolean writeDicom, String master,
                       boolean progress, PrintWriter err) {
            this(inputs, out, model, segment, writeDicom, master, progress, err,
                    org.radlens.dicomio.scope.ScopeGate.DEFAULT_MODALITIES);
        }
    }

    /** Counts of this run and every row of the results (this and earlier runs of the same journal). */
    record Outcome(BatchRunner.Summary summary, List<ResultRow> rows) {
        public Outcome {
            rows = List.copyOf(rows);
        }
    }

    /** The value of {@code --engine} that selects this engine. */
    String name();

    /** Scores the request's inputs; item failures are error rows, only I/O or engine failures throw. */
    Outcome score(Request request) throws Exception;
}
