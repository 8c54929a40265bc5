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
import org.junit.jupiter.api.Test;
import org.radlens.dicomio.codec.EncapsulatedFrames;
import org.radlens.dicomio.codec.FrameDecoders;
import org.radlens.dicomio.codec.FrameLayout;
import org.radlens.dicomio.codec.GdcmCodec;

/**
 * A measurement, not a test (no {@code Test} suffix: surefire runs it only when named): one thread, the workload's
 * jpeg-ls-lossless films, each decoded to stored values by our {@code codec.JpegLsDecoder} (the frame in memory) and
 * by GDCM / CharLS (file → bytes), 2 warm-up runs then {@code -Dreps} timed ones; prints the median wall and
 * thread-CPU ms per film. Asserts nothing.
 *
 * <pre>
 * mvn -B -ntp -o -q -pl dicom-io -am test -Dtest=JpegLsTiming -Dsurefire.failIfNoSpecifiedTests=false -Dreps=7
 * </pre>
 */
class JpegLsTiming {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One decode of one file. */
    private interface Job {
        Object run(Path p) throws Exception;
    }

    @Test
    void timeOursAndGdcm() throws Exception {
        Path dir = NativeImagesTest.workload().resolve("jpeg-ls-lossless");
        assumeTrue(Files.isDirectory(dir), "no workload in " + dir + ": validation/bench/make-workload makes it");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.sorted().forEach(files::add);
        }
        int reps = Integer.getInteger("reps", 5);
        time("ours (file -> stored bytes)", files, reps, p -> DicomFile.openForImages(p, false).raw);
        time("ours, decode only (frame in memory)", files, reps, null);
        if (GdcmCodec.find().isPresent()) {
            time("GDCM (file -> stored bytes)", files, reps,
                    p -> GdcmCodec.find().get().decode(p, DicomReader.readHeader(p).decodedBytes()));
        }
    }

    private static void time(String what, List<Path> files, int reps, Job job) throws Exception {
        StringBuilder line = new StringBuilder(what + ":");
        double wall = 0;
        double cpu = 0;
        long pixels = 0;
        for (Path p : files) {
            DicomHeader h = DicomReader.readHeader(p);
            Job j = job != null ? job : decodeOnly(p, h.layout());
            for (int w = 0; w < 2; w++) {
                j.run(p);
            }
            double[] t = new double[reps];
            double[] c = new double[reps];
            for (int r = 0; r < reps; r++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                j.run(p);
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

    /** Our decoder alone on the file's one frame, already split from the file bytes. */
    static Job decodeOnly(Path p, FrameLayout l) throws Exception {
        byte[] frame = frame(p);
        return q -> {
            byte[] out = new byte[l.frameBytes()];
            FrameDecoders.JPEG_LS.decodeInto(q, frame, l, out, 0);
            return out;
        };
    }

    /** The file's one compressed frame. */
    static byte[] frame(Path p) throws Exception {
        byte[] b = Files.readAllBytes(p);
        return EncapsulatedFrames.frames(p, b, DicomPrescan.scan(p, b).encapsulatedOffset(), 1)[0];
    }
}
