package org.radlens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.radlens.bench.ScoreBench;
import org.radlens.bench.ScoreBenchReport;
import org.radlens.models.DefaultModel;
import org.radlens.models.ModelLoadException;
import org.radlens.validation.bench.Workload;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code radlens bench score}: images/hour of {@code radlens score} from a folder and through DICOMweb. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Throughput of 'radlens score --segment' end to end (in-process, the command's own code path): "
                + "N copies with fresh UIDs of the realistic workload's films (full-size 12/16-bit, every transfer "
                + "syntax, cycled; --quick or no workload: a 512x512 DX sample), (a) from a folder with --write-dicom "
                + "and (b) through "
                + "DICOMweb (QIDO, WADO-RS, STOW-RS of SR + SEG) against a throw-away local Orthanc on free loopback "
                + "ports, at each --workers count, after a warm-up.",
            "Prints a table (images/hour next to the issue's targets: 60,000/h folder, 30,000/h DICOMweb; shown, not "
                + "asserted) with the per-image split between transfer, decode, preprocess, inference and write; "
                + "--out writes JSON."})
final class BenchScoreCommand implements Callable<Integer> {
    @Option(names = "--images", defaultValue = "200", description = "Images per run (default 200).")
    int images;

    @Option(names = "--workers", split = ",", paramLabel = "N[,N...]", defaultValue = "1,2",
            description = "Worker counts to run (default 1,2).")
    List<Integer> workers;

    @Option(names = "--warmup", defaultValue = "10", description = "Untimed images before each run (default 10).")
    int warmup;

    @Option(names = "--model", paramLabel = "PKG", description = "Model package (default: the default package).")
    Path model;

    @Option(names = "--sample", description = "DICOM to copy (default: the workload's files; --quick: "
            + "samples/covid-notes-329_637.dcm).")
    Path sample;

    @Option(names = "--workload", paramLabel = "DIR",
            description = "Realistic workload folder (default: $RADLENS_WORKLOAD, else ~/.cache/radlens/workload).")
    Path workload;

    @Option(names = "--quick", description = "Copy the small DX sample instead of the realistic workload.")
    boolean quick;

    @Option(names = "--reduced-decode", description = "As 'radlens score --reduced-decode': JPEG 2000 films decoded at "
            + "a reduced resolution (scores differ slightly from a full decode; other syntaxes unaffected).")
    boolean reducedDecode;

    @Option(names = "--encodings", split = ",", paramLabel = "NAME[,NAME...]",
            description = "Only these encodings of the realistic workload (e.g. uncompressed,rle; default: all).")
    List<String> encodings;

    @Option(names = "--out", description = "Write the results as JSON to this file.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path work = null;
        try {
            String load = BenchData.loadAverage();
            Path home = Path.of(System.getProperty("radlens.home", "")).toAbsolutePath();
            List<String> notes = new ArrayList<>();
            ScoreBenchInputs in = ScoreBenchInputs.choose(sample, quick ? null : workload != null ? workload
                    : Workload.defaultFolder(), encodings, home, notes);
            List<Path> src = in.files();
            work = Files.createTempDirectory("radlens-bench-score-");
            ScoreBench.Settings s = new ScoreBench.Settings(model != null ? model : DefaultModel.locate(), src,
                    in.labels(), images, workers, warmup, work, reducedDecode);
            List<ScoreBench.Row> rows = ScoreBench.run(s);
            notes.addAll(List.of("model " + s.model() + "; " + images + " copies of " + (src.size() == 1 ? src.get(0)
                    : src.size() + " files (cycled)") + "; --segment, SR + SEG written (folder: --write-dicom; "
                    + "DICOMweb: STOW-RS)" + (reducedDecode ? "; --reduced-decode (JPEG 2000 at reduced resolution)" : ""),
                    "wall s = first listing/query to rebuilt results files (model load apart); per-image ms from "
                            + "the scorer's timings_ms; transfer = WADO-RS + existence checks + STOW-RS",
                    "Java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors()
                            + " processors; load average before the run: " + load + ", after: "
                            + BenchData.loadAverage()));
            spec.commandLine().getOut().print(ScoreBenchReport.table(rows, notes));
            spec.commandLine().getOut().flush();
            if (out != null) {
                ScoreBenchReport.writeJson(out, rows, settings(s), notes);
            }
            return 0;
        } catch (IOException | ModelLoadException | IllegalArgumentException e) {
            return BenchData.fail(spec, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return BenchData.fail(spec, e);
        } finally {
            BenchIoCommand.delete(work, spec.commandLine().getErr());
        }
    }

    private static Map<String, Object> settings(ScoreBench.Settings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", s.model().toString());
        m.put("samples", s.samples().stream().map(Path::toString).toList());
        m.put("labels", s.labels());
        m.put("images", s.images());
        m.put("workers", s.workers());
        m.put("warmup_images", s.warmup());
        m.put("segment", true);
        m.put("reduced_decode", s.reducedDecode());
        return m;
    }
}
