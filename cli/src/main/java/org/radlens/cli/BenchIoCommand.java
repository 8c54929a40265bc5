package org.radlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.radlens.validation.bench.IoBench;
import org.radlens.validation.bench.IoBenchReport;
import org.radlens.validation.bench.IoCase;
import org.radlens.validation.bench.IoInputs;
import org.radlens.validation.bench.Workload;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code radlens bench io}: dicom-io decode times next to pydicom / nibabel on the same files. */
@Command(name = "io", mixinStandardHelpOptions = true,
        description = {"Decode benchmark: the realistic workload (full-size 12/16-bit films, one row per transfer "
                + "syntax; made by " + Workload.GENERATOR + "), DICOM (uncompressed CXR and CT slices, JPEG 2000 CT) "
                + "and NIfTI (.nii, .nii.gz, a generated 512x512xN int16 volume) through dicom-io, and pydicom / "
                + "nibabel (--python) on the same files in the same invocation. Prints a table; --out writes JSON.",
            "Each row: median and p95 per repetition, files/s and MB/s, and every figure's ratio ours/peer."})
final class BenchIoCommand implements Callable<Integer> {
    @Option(names = "--data", description = "Data root (default: $RADLENS_DATA, else ../shared/data).")
    Path data;

    @Option(names = "--workload", paramLabel = "DIR",
            description = "Realistic workload folder (default: $RADLENS_WORKLOAD, else ~/.cache/radlens/workload).")
    Path workload;

    @Option(names = "--quick", description = "Leave the realistic workload out (the small shared-data files only).")
    boolean quick;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed repetitions per workload (default 3).")
    int warmup;

    @Option(names = "--java-warmup-s", defaultValue = "2", paramLabel = "S",
            description = "The Java side also reads each workload for at least this many seconds before timing, "
                    + "so the JIT has compiled it (default 2; the peer has no JIT).")
    double javaWarmupSeconds;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "N",
            description = "Rounds, each timing every workload in Java and then in the peer (default 3); figures are "
                    + "medians over rounds, and each round's ratio is shown.")
    int rounds;

    @Option(names = "--reps", defaultValue = "20",
            description = "Timed repetitions per round of small workloads (default 20; JPEG 2000 reps/4, big "
                    + "volume reps/5).")
    int reps;

    @Option(names = "--slices", defaultValue = "300", description = "Slices of the generated volume (default 300).")
    int slices;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Peer interpreter.")
    Path python;

    @Option(names = "--out", description = "Write the results as JSON to this file.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path work = null;
        try {
            work = Files.createTempDirectory("radlens-bench-io-");
            List<String> notes = new ArrayList<>();
            String load = BenchData.loadAverage();
            Path root = data != null ? data : BenchData.root();
            List<IoCase> small = IoInputs.prepare(root, work, reps, slices, notes); // checks reps and slices
            List<IoCase> cases = new ArrayList<>(realistic(notes));
            cases.addAll(small);
            List<IoBench.Row> rows = IoBench.run(cases, warmup,
                    java.time.Duration.ofMillis(Math.round(1000 * javaWarmupSeconds)), rounds, python, work);
            IoCase big = cases.get(cases.size() - 1); // IoInputs adds the generated volume last
            notes.add(org.radlens.validation.bench.HeapPeak.readNifti(big.files().get(0)).toString());
            notes.add("Java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors()
                    + " processors; load average before the run: " + BenchData.loadAverage());
            spec.commandLine().getOut().print(IoBenchReport.table(rows, notes));
            spec.commandLine().getOut().flush();
            if (out != null) {
                IoBenchReport.writeJson(out, rows, settings(root), notes);
            }
            return 0;
        } catch (IOException | IllegalArgumentException | org.radlens.dicomio.ImageReadException e) {
            return BenchData.fail(spec, e);
        } finally {
            delete(work, err);
        }
    }

    private List<IoCase> realistic(List<String> notes) throws IOException {
        Path folder = workload != null ? workload : Workload.defaultFolder();
        java.util.Optional<Workload> w = quick ? java.util.Optional.empty() : Workload.find(folder);
        if (!quick && w.isEmpty()) {
            notes.add("realistic workload not found in " + folder + ": make it with " + Workload.GENERATOR);
        }
        return w.isPresent() ? IoInputs.workload(w.get(), reps) : List.of();
    }

    private Map<String, Object> settings(Path root) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("data", root.toString());
        s.put("workload", quick ? null : (workload != null ? workload : Workload.defaultFolder()).toString());
        s.put("warmup", warmup);
        s.put("java_warmup_seconds", javaWarmupSeconds);
        s.put("rounds", rounds);
        s.put("repetitions_per_round", reps);
        s.put("generated_slices", slices);
        s.put("python", python.toString());
        return s;
    }

    static void delete(Path work, PrintWriter err) {
        if (work == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(work)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            err.println("warning: could not remove " + work + ": " + e.getMessage());
        }
    }
}
