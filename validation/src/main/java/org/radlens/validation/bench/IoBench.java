package org.radlens.validation.bench;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radlens.dicomio.DicomReader;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.NiftiReader;
import org.radlens.validation.bench.IoCase.Format;

/**
 * {@code radlens bench io}: decode time of each {@link IoCase} through dicom-io ({@link DicomReader#readImage},
 * {@link NiftiReader#readVolume}: rescaled float voxels) and, in the same invocation on the same files, through
 * pydicom / nibabel ({@code /bench/peer_io.py}). A peer that is not installed or fails leaves a note in its row.
 *
 * <pre>{@code
 * List<IoCase> cases = IoInputs.prepare(data, tmp, 20, 300, notes);
 * List<IoBench.Row> rows = IoBench.run(cases, 3, Duration.ofSeconds(2), Path.of("/usr/bin/python3"), tmp);
 * }</pre>
 */
public final class IoBench {
    private IoBench() {
    }

    /**
     * One workload on both sides.
     *
     * @param peer     null when the peer did not run; then {@code peerNote} says why
     * @param bytes    file bytes read per repetition
     */
    public record Row(IoCase workload, long bytes, Timing java, Timing peer, String peerNote) {
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
     * @param javaWarmup the Java side also reads for at least this long before timing (JIT compilation); the peer,
     *                   which has no JIT, runs {@code warmup} untimed repetitions
     */
    public static List<Row> run(List<IoCase> cases, int warmup, java.time.Duration javaWarmup, Path python,
                                Path work) throws IOException {
        Map<String, Timing> java = new LinkedHashMap<>();
        for (IoCase c : cases) {
            java.put(c.workload(), measure(c, warmup, javaWarmup));
        }
        Map<String, String> peerNotes = new LinkedHashMap<>();
        PythonPeer.Output peer = runPeer(cases, warmup, python, work, peerNotes);
        List<Row> rows = new ArrayList<>();
        for (IoCase c : cases) {
            Timing p = peer.timings().get(c.workload());
            String note = p != null ? "" : peer.errors().getOrDefault(c.workload(),
                    peerNotes.getOrDefault(c.workload(), "peer gave no timing"));
            rows.add(new Row(c, bytes(c.files()), java.get(c.workload()), p, note));
        }
        return rows;
    }

    private static Timing measure(IoCase c, int warmup, java.time.Duration javaWarmup) throws IOException {
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
                notes.put(c.workload(), "peer not installed: " + python + " with " + c.format().peerModule());
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
            runnable.forEach(c -> notes.put((String) c.get("workload"), "peer failed: " + e.getMessage()));
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
