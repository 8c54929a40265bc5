package org.radlens.dicomio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.ReducedImage;

/**
 * The reduced JPEG 2000 read on the realistic workload's full-size films ({@code validation/bench/make-workload}):
 * 2,500×3,000 12-bit and 3,000×3,000 16-bit, lossless and lossy, read at the longer side the scoring engine asks for
 * (2 × 224): 3 levels left out of 5, the full grid kept, values within 2 % of the film's range of the full decode's
 * local means on average. With {@code -Dradlens.reduced.measure=true} it also times each film, one thread (full read
 * as {@code readSourcedImage} does it, through GDCM when installed, against the reduced read at 448 and at 224;
 * median of 5 after a warm-up) and prints the table of validation/README.md. Skipped when the workload has not been generated.
 */
class ReducedWorkloadTest {
    private static final int MIN_SIDE = 448;

    @Test
    void workloadFilmsReadReducedKeepTheirGridAndTheFullDecodesLocalMeans() throws Exception {
        Path folder = NativeImagesTest.workload();
        assumeTrue(Files.isRegularFile(folder.resolve("manifest.json")), "no workload in " + folder
                + ": skipped (validation/bench/make-workload builds it from the ../shared data films)");
        boolean measure = Boolean.getBoolean("radlens.reduced.measure");
        List<String> table = new ArrayList<>();
        for (String syntax : List.of("j2k-lossless", "j2k-lossy")) {
            try (var files = Files.list(folder.resolve(syntax))) {
                for (Path f : files.sorted().toList()) {
                    Image2D full = DicomReader.readSourcedImage(f).image();
                    ReducedImage red = DicomReader.readSourcedReduced(f, MIN_SIDE).image();
                    String what = syntax + "/" + f.getFileName();
                    assertEquals(full.width(), red.fullWidth(), what);
                    assertEquals(full.geometry(), red.fullGeometry(), what);
                    assertTrue(red.levels() >= 2, what + ": " + red.levels() + " levels");
                    assertTrue(Math.max(red.image().width(), red.image().height()) >= MIN_SIDE, what);
                    float[] mm = ReducedReadsTest.minMax(full.channel(0));
                    double diff = ReducedReadsTest.meanAbsDiffToBlockMeans(full, red);
                    assertTrue(diff < 0.02 * (mm[1] - mm[0]), what + ": mean |reduced - local mean| " + diff);
                    if (measure) {
                        table.add(String.format("| %s | %dx%d -> %dx%d (d=%d) | %.0f | %.0f | %.0f |", what,
                                full.width(), full.height(), red.image().width(), red.image().height(), red.levels(),
                                medianMs(() -> DicomReader.readSourcedImage(f)),
                                medianMs(() -> DicomReader.readSourcedReduced(f, MIN_SIDE)),
                                medianMs(() -> DicomReader.readSourcedReduced(f, MIN_SIDE / 2))));
                    }
                }
            }
        }
        table.forEach(System.out::println);
    }

    private interface Read {
        Object run() throws Exception;
    }

    private static double medianMs(Read r) throws Exception {
        r.run();
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
