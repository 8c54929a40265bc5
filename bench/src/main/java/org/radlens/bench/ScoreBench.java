package org.radlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import org.radlens.dicomio.DicomCopies;
import org.radlens.dicomio.derived.DicomWriteException;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.scope.ScopeGate;
import org.radlens.dicomio.web.Auth;
import org.radlens.dicomio.web.DicomWebClient;
import org.radlens.models.ModelLoadException;
import org.radlens.models.RadLensModel;
import org.radlens.pipeline.BatchRunner;
import org.radlens.pipeline.Journal;
import org.radlens.pipeline.OutputFiles;
import org.radlens.pipeline.Progress;
import org.radlens.pipeline.ResultRow;
import org.radlens.pipeline.ScoreModels;
import org.radlens.pipeline.ScoreRuns;
import org.radlens.pipeline.ScoringEngine;
import org.radlens.validation.bench.Timing;

/**
 * {@code radlens bench score}: images/hour of {@code radlens score} end to end, through {@link ScoreRuns} (the
 * command's own code path, in-process), with {@code --segment} and SR/SEG output, for (a) a folder of N copies of a
 * DICOM with fresh UIDs ({@link DicomCopies}) and (b) the same copies in a throw-away {@link LocalOrthanc} scored
 * through DICOMweb (QIDO, WADO-RS, STOW-RS). Per configuration: the model is opened for that worker count
 * ({@link ScoreModels}, timed apart), {@code warmup} other copies are scored from a folder untimed, then the timed
 * run goes from the first query/listing to the rebuilt results files. The stage split comes from the scorer's
 * per-image {@code timings_ms}.
 *
 * <pre>{@code
 * List<ScoreBench.Row> rows = ScoreBench.run(new ScoreBench.Settings(pkg, sample, 200, List.of(1, 2), 10, tmp));
 * System.out.print(ScoreBenchReport.table(rows, notes));
 * }</pre>
 */
public final class ScoreBench {
    /** Where the images come from, with the throughput target (images/hour, shown, never asserted). */
    public enum Mode {
        FOLDER("folder", 60_000), DICOMWEB("DICOMweb", 30_000);

        public final String label;
        public final int targetPerHour;

        Mode(String label, int targetPerHour) {
            this.label = label;
            this.targetPerHour = targetPerHour;
        }
    }

    /** Per-image statistics of one stage (ms over the successful items) and its share of the per-image total. */
    public record Stage(Timing ms, double share) {
    }

    /** The items of one input label (the workload's encoding): how many, their per-image total and stages. */
    public record Split(String label, int images, Timing perImage, Map<String, Stage> stages) {
    }

    /**
     * One configuration. Figures are NaN / empty when {@code note} says why the row was not measured (e.g. Orthanc
     * not installed); {@code perImage} is the sum of the stages per item; {@code splits} the same per input label
     * (empty with one label).
     */
    public record Row(Mode mode, int workers, int images, int scored, int failed, double modelLoadS, double wallS,
                      Map<String, Stage> stages, Timing perImage, List<Split> splits, String note) {
        public double imagesPerHour() {
            return scored / wallS * 3600;
        }

        public boolean measured() {
            return note.isEmpty();
        }
    }

    /**
     * Settings: model package, the DICOMs to copy (cycled: copy i is of {@code samples[i % k]}) and a label for each
     * (e.g. its encoding: the stage split is also given per label), N, worker counts, untimed warm-up images, work
     * folder, {@code --reduced-decode}.
     */
    public record Settings(Path model, List<Path> samples, List<String> labels, int images, List<Integer> workers,
                           int warmup, Path work, boolean reducedDecode) {
        /** Each sample labelled by its file name. */
        public Settings(Path model, List<Path> samples, int images, List<Integer> workers, int warmup, Path work,
                        boolean reducedDecode) {
            this(model, samples, samples.stream().map(p -> String.valueOf(p.getFileName())).toList(), images,
                    workers, warmup, work, reducedDecode);
        }

        /** Full decoding of every film. */
        public Settings(Path model, List<Path> samples, int images, List<Integer> workers, int warmup, Path work) {
            this(model, samples, images, workers, warmup, work, false);
        }

        public Settings {
            workers = List.copyOf(workers);
            samples = List.copyOf(samples);
            labels = List.copyOf(labels);
            if (images < 1 || warmup < 0 || workers.isEmpty() || workers.stream().anyMatch(w -> w < 1)
                    || samples.isEmpty() || labels.size() != samples.size()) {
                throw new IllegalArgumentException("images >= 1, warmup >= 0, workers >= 1 and a sample (with one "
                        + "label each) required: images=" + images + " warmup=" + warmup + " workers=" + workers
                        + " samples=" + samples + " labels=" + labels);
            }
        }
    }

    static final List<String> STAGES = List.of("transfer", "decode", "preprocess", "inference", "write");
    /** Timed runs draw no progress bar. */
    private static final LongFunction<Progress> NO_BAR = n -> Progress.NONE;

    private final Settings s;
    private final List<Path> inputs;
    private final Path warmFolder;
    /** The label of each timed copy, by SOP Instance UID. */
    private final Map<String, String> labels;

    private ScoreBench(Settings s, List<Path> inputs, Path warmFolder, Map<String, String> labels) {
        this.s = s;
        this.inputs = inputs;
        this.warmFolder = warmFolder;
        this.labels = labels;
    }

    /** Every mode at every worker count; DICOMweb rows carry a note instead of figures when Orthanc is missing. */
    public static List<Row> run(Settings s) throws IOException, ModelLoadException, InterruptedException {
        Path source = s.samples().get(0);
        try {
            List<Path> in = new ArrayList<>();
            Map<String, String> labels = new LinkedHashMap<>();
            Path warm = s.work().resolve("warm-in");
            int k = s.samples().size();
            for (int j = 0; j < k; j++) {
                source = s.samples().get(j);
                int n = (s.images() - j + k - 1) / k;
                in.addAll(DicomCopies.withNewUids(source, s.work().resolve("in").resolve("s" + j), n,
                        "bench-score-" + j));
                for (int i = 0; i < n; i++) {
                    labels.put(DicomCopies.sopInstanceUid("bench-score-" + j, i), s.labels().get(j));
                }
                DicomCopies.withNewUids(source, warm.resolve("s" + j), (s.warmup() - j + k - 1) / k,
                        "bench-score-warmup-" + j);
            }
            ScoreBench bench = new ScoreBench(s, in, warm, labels);
            List<Row> rows = new ArrayList<>();
            for (int w : s.workers()) {
                rows.add(bench.folder(w));
            }
            String missing = LocalOrthanc.missing();
            for (int w : s.workers()) {
                rows.add(missing == null ? bench.dicomWeb(w) : new Row(Mode.DICOMWEB, w, s.images(), 0, 0, Double.NaN,
                        Double.NaN, Map.of(), null, List.of(), missing));
            }
            return rows;
        } catch (ImageReadException | DicomWriteException e) {
            throw new IOException("cannot make the benchmark images from " + source + ": " + e.getMessage(), e);
        }
    }

    private Row folder(int workers) throws IOException, ModelLoadException, InterruptedException {
        Path out = s.work().resolve("folder-w" + workers);
        return timed(Mode.FOLDER, workers, out, (engine, journal) -> ScoreRuns.files(engine, journal,
                List.of(s.work().resolve("in").toString()), out, true, workers, 2 * workers, NO_BAR));
    }

    private Row dicomWeb(int workers) throws IOException, ModelLoadException, InterruptedException {
        Path out = s.work().resolve("dicomweb-w" + workers);
        try (LocalOrthanc orthanc = LocalOrthanc.start(Files.createDirectories(s.work().resolve("orthanc-w" + workers)),
                "{}", null)) {
            for (Path f : inputs) {
                orthanc.upload(f);
            }
            DicomWebClient client = new DicomWebClient(orthanc.dicomWeb(), Auth.none(), Duration.ofSeconds(60), 3,
                    Duration.ofMillis(200));
            return timed(Mode.DICOMWEB, workers, out, (engine, journal) -> ScoreRuns.dicomWeb(engine, journal, client,
                    List.of(), List.of("CR", "DX"), null, out, workers, 2 * workers, NO_BAR));
        }
    }

    /** The scoring run being timed, given the open engine and a fresh journal. */
    @FunctionalInterface
    private interface Run {
        BatchRunner.Summary run(ScoringEngine engine, Journal journal) throws IOException, InterruptedException;
    }

    private Row timed(Mode mode, int workers, Path out, Run run)
            throws IOException, ModelLoadException, InterruptedException {
        long t0 = System.nanoTime();
        try (RadLensModel model = ScoreModels.open(s.model(), workers)) {
            double load = (System.nanoTime() - t0) / 1e9;
            ScoringEngine engine = new ScoringEngine(model, true, null, ScopeGate.chestRadiographs(), s.reducedDecode());
            warmUp(engine, workers, mode);
            Files.createDirectories(out);
            try (Journal journal = Journal.open(out.resolve("journal.jsonl"))) {
                long t1 = System.nanoTime();
                BatchRunner.Summary sum = run.run(engine, journal);
                OutputFiles.write(out, journal.rows());
                double wall = (System.nanoTime() - t1) / 1e9;
                return row(mode, workers, sum, load, wall, journal.rows());
            }
        }
    }

    private void warmUp(ScoringEngine engine, int workers, Mode mode) throws IOException, InterruptedException {
        if (s.warmup() == 0) {
            return;
        }
        Path out = Files.createDirectories(s.work().resolve("warm-" + mode.name().toLowerCase(Locale.ROOT) + workers));
        try (Journal journal = Journal.open(out.resolve("journal.jsonl"))) {
            ScoreRuns.files(engine, journal, List.of(warmFolder.toString()), out, true, workers, 2 * workers, NO_BAR);
        }
    }

    private Row row(Mode mode, int workers, BatchRunner.Summary sum, double load, double wall, List<ResultRow> rows) {
        List<ResultRow> ok = rows.stream().filter(r -> !r.failed()).toList();
        if (ok.isEmpty()) {
            String first = rows.isEmpty() ? "no items found" : rows.get(0).error();
            return new Row(mode, workers, s.images(), sum.scored(), sum.failed(), load, wall, Map.of(), null,
                    List.of(), "every item failed: " + first);
        }
        Timing perImage = ScoreBenchStages.perImage(ok);
        return new Row(mode, workers, s.images(), sum.scored(), sum.failed(), load, wall,
                ScoreBenchStages.stages(ok, perImage), perImage, ScoreBenchStages.splits(ok, labels), "");
    }
}
