package org.radlens.dicomio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.radlens.dicomio.codec.EncapsulatedFrames;
import org.radlens.dicomio.codec.FrameDecoder;
import org.radlens.dicomio.codec.FrameLayout;
import org.radlens.dicomio.codec.GdcmCodec;

/**
 * The one-thread decode timing harness of the opt-in measurements {@link JpegLosslessTiming} and {@link JpegLsTiming}:
 * the workload films of one encoding, 2 warm-up runs then {@code reps} timed ones per film; prints the median wall and
 * thread-CPU ms per film (CPU time is the steadier figure on a loaded machine). Asserts nothing.
 */
final class DecodeTiming {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One decode of one file. */
    interface Job {
        Object run(Path p) throws Exception;
    }

    private DecodeTiming() {
    }

    /** The workload's films of {@code encoding}, sorted; the caller is skipped when the workload is absent. */
    static List<Path> films(String encoding) throws Exception {
        Path dir = NativeImagesTest.workload().resolve(encoding);
        assumeTrue(Files.isDirectory(dir), "no workload in " + dir + ": validation/bench/make-workload makes it");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.sorted().forEach(files::add);
        }
        return files;
    }

    /** Ours from the file, ours on the frame in memory alone, and GDCM from the file where it is installed. */
    static void timeOursAndGdcm(List<Path> files, int reps, Job oursFromFile, FrameDecoder ours) throws Exception {
        time("ours (file -> stored bytes)", files, reps, oursFromFile);
        time("ours, decode only (frame in memory)", files, reps, (p, l) -> {
            byte[] frame = frame(p); // cut out of the file once, before the timed runs
            return q -> {
                byte[] out = new byte[l.frameBytes()];
                ours.decodeInto(q, frame, l, out, 0);
                return out;
            };
        });
        if (GdcmCodec.find().isPresent()) {
            time("GDCM (file -> stored bytes)", files, reps,
                    p -> GdcmCodec.find().get().decode(p, DicomReader.readHeader(p).decodedBytes()));
        }
    }

    /** Times {@code job} on every file and prints one line: each file's medians, then the per-film means. */
    static void time(String what, List<Path> files, int reps, Job job) throws Exception {
        time(what, files, reps, (p, l) -> job);
    }

    /** The job of one file, made before it is timed. */
    private interface PerFile {
        Job of(Path p, FrameLayout l) throws Exception;
    }

    private static void time(String what, List<Path> files, int reps, PerFile perFile) throws Exception {
        StringBuilder line = new StringBuilder(what + ":");
        double wall = 0;
        double cpu = 0;
        long pixels = 0;
        for (Path p : files) {
            DicomHeader h = DicomReader.readHeader(p);
            Job job = perFile.of(p, h.layout());
            for (int w = 0; w < 2; w++) {
                job.run(p);
            }
            double[] t = new double[reps];
            double[] c = new double[reps];
            for (int r = 0; r < reps; r++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                job.run(p);
                t[r] = (System.nanoTime() - t0) / 1e6;
                c[r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
            }
            Arrays.sort(t);
            Arrays.sort(c);
            wall += t[reps / 2];
            cpu += c[reps / 2];
            pixels += (long) h.rows() * h.columns();
            line.append(String.format(" %s %.0f/cpu %.0f", p.getFileName(), t[reps / 2], c[reps / 2]));
        }
        System.out.println(line + String.format(" | per film: wall %.0f ms (%.1f Mpx/s), thread CPU %.0f ms "
                + "(%.1f Mpx/s)", wall / files.size(), pixels / 1e3 / wall, cpu / files.size(), pixels / 1e3 / cpu));
    }

    /** The file's one compressed frame. */
    static byte[] frame(Path p) throws Exception {
        byte[] b = Files.readAllBytes(p);
        return EncapsulatedFrames.frames(p, b, DicomPrescan.scan(p, b).encapsulatedOffset(), 1)[0];
    }
}
