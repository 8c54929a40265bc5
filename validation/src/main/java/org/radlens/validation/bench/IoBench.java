package org.radlens.validation.bench;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radlens.dicomio.DicomReader;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.nifti.NiftiReader;
import org.radlens.validation.bench.IoCase.Format;

/**
 * {@code radlens bench io}: decode time of each {@link IoCase} through dicom-io ({@link DicomReader#readImage},
 * {@link NiftiReader#readVolume}: rescaled float voxels) and, in the same invocation on the same files, through
 * pydicom / nibabel ({@code /bench/peer_io.py}). A peer that is not installed or fails leaves a note in its row.
 *
 * <pre>{@code
 * List<IoCase> cases = IoInputs.prepare(data, tmp, 20, 300, notes);
 * List<IoBench.Row> rows = IoBench.run(cases, 3, Duration.ofSeconds(2), 3, Path.of("/usr/bin/python3"), tmp);
 * }</pre>
 */
public final class IoBench {
    private IoBench() {
    }

    /**
     * One workload on both sides.
     *
     * @param peer        null when the peer did not run; then {@code peerNote} says why
     * @param bytes       file bytes read per repetition
     * @param roundRatios per round, throughput ours / peer (peer median time / our median time); empty without peer
     */
    public record Row(IoCase workload, long bytes, Timing java, Timing peer, String peerNote,
                      List<Double> roundRatios) {
        /** Files per second at the median repetition time. */
        public static double filesPerSecond(IoCase c, Timing t) {
            return c.files().size() / (t.medianMs() / 1000);
        }

        /** File megabytes (10^6 bytes) per second at the median repetition time. */
        public static double megabytesPerSecond(long bytes, Timing t) {
            return bytes / 1e6 / (t.medianMs() / 1000);
        }
    }

    /**
     * Measures every case in {@code rounds} rounds; each round times all cases in Java, then all in the peer, so a
     * busy moment on the machine does not land on one side only. Results combine the rounds
     * ({@link Timer#combine}).
     *
     * @param javaWarmup before its first round the Java side also reads each case for at least this long (JIT
     *                   compilation); the peer, which has no JIT, runs {@code warmup} untimed repetitions per round
     */
    public static List<Row> run(List<IoCase> cases, int warmup, Duration javaWarmup, int rounds,
                                Path python, Path work) throws IOException {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1: " + rounds);
        }
        Map<String, List<Timing>> ours = new LinkedHashMap<>();
        Map<String, List<Timing>> peer = new LinkedHashMap<>();
        Map<String, String> peerNotes = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (IoCase c : cases) {
                ours.computeIfAbsent(c.workload(), k -> new ArrayList<>()).add(r == 0 ? measure(c, warmup, javaWarmup)
                        : measure(c, 0, Duration.ZERO));
            }
            PythonPeer.Output out = runPeer(cases, warmup, python, work, peerNotes);
            out.timings().forEach((k, t) -> peer.computeIfAbsent(k, x -> new ArrayList<>()).add(t));
            out.errors().forEach(peerNotes::putIfAbsent);
        }
        List<Row> rows = new ArrayList<>();
        for (IoCase c : cases) {
            List<Timing> j = ours.get(c.workload());
            List<Timing> p = peer.get(c.workload());
            boolean complete = p != null && p.size() == rounds;
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; complete && r < rounds; r++) {
                ratios.add(p.get(r).medianMs() / j.get(r).medianMs());
            }
            String note = complete ? "" : peerNotes.getOrDefault(c.workload(), "peer gave no timing"
                    + (p == null ? "" : " in " + (rounds - p.size()) + " of " + rounds + " rounds"));
            rows.add(new Row(c, bytes(c.files()), Timer.combine(j), complete ? Timer.combine(p) : null, note,
                    List.copyOf(ratios)));
        }
        return rows;
    }

    private static Timing measure(IoCase c, int warmup, Duration javaWarmup) throws IOException {
        try {
            return Timer.measure(c.workload(), warmup, javaWarmup, c.repetitions(), () -> readAll(c));
        } catch (ReadFailure e) {
            throw new IOException("dicom-io cannot read the files of '" + c.workload() + "': "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private static double readAll(IoCase c) {
        double sum = 0;
        try {
            for (Path f : c.files()) {
                sum += c.format() == Format.DICOM ? DicomReader.readImage(f).width()
                        : NiftiReader.readVolume(f).nz();
            }
        } catch (ImageReadException e) {
            throw new ReadFailure(e);
        }
        return sum;
    }

    /** Carries a checked read failure out of a {@link Timer.Task}. */
    private static final class ReadFailure extends RuntimeException {
        ReadFailure(ImageReadException cause) {
            super(cause);
        }
    }

    private static PythonPeer.Output runPeer(List<IoCase> cases, int warmup, Path python, Path work,
            Map<String, String> notes) throws IOException {
        PythonPeer peer = new PythonPeer(python);
        List<Map<String, Object>> runnable = new ArrayList<>();
        Map<Format, Boolean> installed = new LinkedHashMap<>();
        for (IoCase c : cases) {
            if (installed.computeIfAbsent(c.format(), f -> peer.available(f.peerModule(), "numpy"))) {
                runnable.add(Map.of("workload", c.workload(), "format", c.format().name(),
                        "files", c.files().stream().map(Path::toString).toList(), "repetitions", c.repetitions()));
            } else {
                notes.putIfAbsent(c.workload(), "peer not installed: " + python + " with "
                        + c.format().peerModule());
            }
        }
        if (runnable.isEmpty()) {
            return new PythonPeer.Output(Map.of(), Map.of());
        }
        Path spec = work.resolve("peer-cases.json");
        Files.writeString(spec, new Gson().toJson(runnable), StandardCharsets.UTF_8);
        try {
            return peer.runAll("peer_io.py", List.of("" + warmup, spec.toString()), 3600);
        } catch (IOException e) {
            runnable.forEach(c -> notes.putIfAbsent((String) c.get("workload"), "peer failed: " + e.getMessage()));
            return new PythonPeer.Output(Map.of(), Map.of());
        }
    }

    private static long bytes(List<Path> files) throws IOException {
        long n = 0;
        for (Path f : files) {
            n += Files.size(f);
        }
        return n;
    }
}
