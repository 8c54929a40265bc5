package org.radlens.cli;

import org.radlens.cli.score.ProgressBar;
import org.radlens.dicomio.scope.ScopeGate;
import org.radlens.dicomio.web.DicomWebClient;
import org.radlens.models.RadLensModel;
import org.radlens.pipeline.BatchRunner;
import org.radlens.pipeline.Journal;
import org.radlens.pipeline.OutputFiles;
import org.radlens.pipeline.ResultRow;
import org.radlens.pipeline.ScoreEngineProvider;
import org.radlens.pipeline.ScoreEngines;
import org.radlens.pipeline.ScoreRuns;
import org.radlens.pipeline.ScoringEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code radlens score}: resumable batch scoring of files/folders/globs or a DICOMweb server. Every item passes the
 * input gate ({@code --modality}, SOP class, view, the package's embedding gate): refused items (CT, MR, NIfTI, SR…)
 * get a {@code refused} row and no SR/SEG, flagged ones are scored with the flag in {@code input_scope}; a second
 * item with the SOP Instance UID of another is a {@code duplicate} row. Exit 0 when no row is an error and nothing is
 * left for a retry, 1 when any row (of this or an earlier run of the same journal) is an error row or an item failed
 * transiently (a full disk, an unreachable server: not journaled, the next run retries it), 2 for usage errors.
 * An item that failed for good is finished: delete its journal line to try it again.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score many images in parallel; resumable (journal in --out); CSV + JSON Lines; DICOM SR/SEG.")
final class ScoreCommand implements Callable<Integer> {
    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Files, folders or globs (not with --dicomweb).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Results, journal and DICOM output.")
    Path out;

    @Option(names = "--model", paramLabel = "PKG", description = "Model package (default: the bundled one).")
    Path model;

    @Option(names = "--workers", paramLabel = "N", description = "Parallel workers (default: CPU count).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--queue", paramLabel = "N", description = "Bounded queue length (default: 2 x workers).")
    int queue;

    @Option(names = "--segment", description = "Also segment the lungs: area in mm² and a DICOM SEG.")
    boolean segment;

    @Option(names = "--overlay-sc", paramLabel = "QUERY",
            description = "DICOM sources also get an RGB Secondary Capture of the heat map of QUERY (e.g. pneumonia) "
                    + "over the image, stored like the SR (inprocess engine).")
    String overlayQuery;

    @Option(names = "--reduced-decode", description = "Decode JPEG 2000 DICOM films at a reduced resolution (the "
            + "wavelet levels the model's input does not need are skipped: several times faster); probabilities, lung "
            + "mask and area differ slightly from a full decode; SR/SEG stay on the film's full grid. Only JPEG 2000 "
            + "films are affected; ignored with --overlay-sc (the overlay needs full-size pixels).")
    boolean reducedDecode;

    @Option(names = "--write-dicom", description = "Folder mode: write SR (and SEG) files into OUT/dicom.")
    boolean writeDicom;

    @Option(names = "--progress", description = "Show the progress bar even when stderr is not a terminal.")
    boolean progress;

    @Option(names = "--engine", paramLabel = "NAME", description = "inprocess (default) or spark (the spark module).")
    String engineName = ScoreEngines.IN_PROCESS;

    @Option(names = "--master", paramLabel = "URL", description = "Spark engine: local[*], local[N], spark://..., yarn.")
    String master;

    @Mixin
    DicomWebOptions web;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        web.refuseSecretsInArguments(spec);
        if ((web.url == null) == inputs.isEmpty() || workers < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give either INPUT files/folders/globs or --dicomweb URL, and --workers >= 1");
        }
        if (overlayQuery != null && overlayQuery.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--overlay-sc needs a query, e.g. pneumonia");
        }
        if (!ScoreEngines.IN_PROCESS.equals(engineName)) {
            if (overlayQuery != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--overlay-sc runs with the inprocess engine, not --engine " + engineName);
            }
            return runEngine();
        }
        ScopeGate gate = web.gate(spec);
        Files.createDirectories(out);
        try (RadLensModel m = org.radlens.pipeline.ScoreModels.open(model, workers);
             Journal journal = Journal.open(out.resolve("journal.jsonl"))) {
            ScoringEngine engine = new ScoringEngine(m, segment, overlayQuery, gate, reducedDecode);
            BatchRunner.Summary s = web.url != null ? runDicomWeb(engine, journal, gate)
                    : runFiles(engine, journal);
            return finish("radlens score", s, journal.rows());
        }
    }

    /** Rebuilds the result files, prints the summary and returns the exit code. */
    private int finish(String who, BatchRunner.Summary s, List<ResultRow> rows) {
        java.io.PrintWriter err = spec.commandLine().getErr();
        try {
            OutputFiles.write(out, rows);
            err.printf("%s: %s; results in %s%n", who, s.describe(), out.resolve("results.csv"));
        } catch (java.io.IOException e) {
            err.printf("%s: %s; cannot write the results in %s: %s (the journal is intact: run again)%n", who,
                    s.describe(), out, e.getMessage());
            return 1;
        }
        return s.transients() > 0 || rows.stream().anyMatch(ResultRow::failed) ? 1 : 0; // earlier error rows count
    }

    private int runEngine() throws Exception {
        if (web.url != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--engine " + engineName + " scores files/folders/globs; --dicomweb runs with the inprocess engine");
        }
        ScoreEngineProvider provider = ScoreEngines.find(engineName).orElseThrow(() ->
                new CommandLine.ParameterException(spec.commandLine(), "no score engine '" + engineName
                        + "' on the class path (available: " + String.join(", ", ScoreEngines.names())
                        + "); the spark engine is the spark module: ./radlens adds it when given --engine spark"));
        ScopeGate gate = web.gate(spec);
        Files.createDirectories(out);
        ScoreEngineProvider.Outcome o = provider.score(new ScoreEngineProvider.Request(inputs, out, model, segment,
                writeDicom, master, showBar(), spec.commandLine().getErr(), List.copyOf(gate.modalities()),
                reducedDecode));
        BatchRunner.Summary s = o.summary();
        spec.commandLine().getErr().printf("radlens score (%s): %s; results in %s%n", engineName, s.describe(),
                out.resolve("results.csv"));
        return s.transients() > 0 || o.rows().stream().anyMatch(ResultRow::failed) ? 1 : 0;
    }

    private BatchRunner.Summary runFiles(ScoringEngine engine, Journal journal) throws Exception {
        return ScoreRuns.files(engine, journal, inputs, out, writeDicom, workers, queue(), this::bar);
    }

    private BatchRunner.Summary runDicomWeb(ScoringEngine engine, Journal journal, ScopeGate gate) throws Exception {
        DicomWebClient client = web.client(spec);
        return ScoreRuns.dicomWeb(engine, journal, client, web.studies, List.copyOf(gate.modalities()),
                web.studyDate, out, workers, queue(), this::bar);
    }

    private int queue() {
        return queue > 0 ? queue : 2 * workers;
    }

    private ProgressBar bar(long items) {
        return new ProgressBar(System.err, showBar(), items);
    }

    private boolean showBar() {
        return progress || System.console() != null;
    }
}
