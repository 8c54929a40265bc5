package org.radlens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.DicomAttributes;

/**
 * Issue 15's memory target: scoring a 3,000 × 3,000 16-bit film ({@code --segment}, SR + SEG) fits in the heap the
 * same child JVM needs to score a 64 × 64 film plus 3× the film's pixel bytes. Measured with heap caps, not
 * timings: the baseline is the smallest {@code -Xmx} (2 MB steps) with which {@link ScoreHeapChild} scores the small
 * film; the film must then be scored with {@code baseline + 3 × 18 MB}. Serial GC with an 8 MB young generation, so
 * the cap is what the live objects need (a full GC compacts everything; no region rounding). With
 * {@code -Dradlens.heap.measure=true} it also searches the film's own smallest cap and prints the peak live heap of
 * scoring it, (cap − baseline) / pixel bytes.
 */
class ScoreHeapTest {
    private static final int SIDE = 3000;
    private static final long PIXEL_BYTES = 2L * SIDE * SIDE;
    private static final int STEP_MB = 2;
    private static final int YOUNG_MB = 8;

    @TempDir
    Path dir;

    @Test
    void filmScoresWithinBaselinePlusThreeTimesItsPixelBytes() throws Exception {
        Path model = Path.of("..", "models", "packages", "default").toAbsolutePath().normalize();
        Path warm = film(dir.resolve("warm.dcm"), 64, 1);
        Path small = film(dir.resolve("small.dcm"), 64, 2);
        Path big = film(dir.resolve("big.dcm"), SIDE, 3);
        int baseline = smallestCap(model, warm, small, 16, 512);
        int cap = baseline + (int) Math.ceil(3.0 * PIXEL_BYTES / (1 << 20));
        Run r = child(model, warm, big, cap);
        System.out.printf(Locale.ROOT, "baseline (64x64 film) -Xmx%dm; 3000x3000 16-bit film (%.1f MB of pixels) at "
                + "-Xmx%dm: %s%n", baseline, PIXEL_BYTES / 1e6, cap, r.output().strip());
        assertEquals(0, r.exit(), "the film must score within baseline + 3x its pixel bytes: " + r.output());
        if (Boolean.getBoolean("radlens.heap.measure")) {
            int need = smallestCap(model, warm, big, baseline, cap);
            long live = Long.parseLong(r.output().replaceAll(".*live after warm-up (\\d+) bytes.*", "$1"));
            long old = (need - YOUNG_MB) * (1L << 20) - live; // what the old generation held beside the baseline
            System.out.printf(Locale.ROOT, "smallest cap for the film -Xmx%dm: %.1f MB above the baseline's cap = "
                    + "%.2fx its pixel bytes (+- %d MB); cap - young - live after warm-up: %.1f MB = %.2fx%n", need,
                    (need - baseline) * 1.048576, (need - baseline) * (double) (1 << 20) / PIXEL_BYTES, STEP_MB,
                    old / 1e6, old / (double) PIXEL_BYTES);
        }
    }

    /** The smallest {@code -Xmx} in MB (to {@link #STEP_MB}) within (lo, hi] with which the child scores film. */
    private static int smallestCap(Path model, Path warm, Path film, int lo, int hi) throws Exception {
        assertEquals(0, child(model, warm, film, hi).exit(), "scores at the upper cap -Xmx" + hi + "m");
        while (hi - lo > STEP_MB) {
            int mid = (lo + hi) / 2;
            Run r = child(model, warm, film, mid);
            // 3: out of memory in the scoring thread; another code may be an OutOfMemoryError wrapped elsewhere (model
            // loading): too small either way, while a film not scored (2) is a failure at any cap
            assertTrue(r.exit() != 2, "the film must be scored: " + r.output());
            if (r.exit() == 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private record Run(int exit, String output) {
    }

    private static Run child(Path model, Path warm, Path film, int capMb) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + capMb + "m", "-Xms" + capMb + "m",
                "-XX:+UseSerialGC", "-Xmn" + YOUNG_MB + "m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ScoreHeapChild.class.getName(), model.toString(), warm.toString(), film.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String verdict = out.lines().filter(l -> l.startsWith("scored") || l.startsWith("out of memory")
                || l.startsWith("not scored")).reduce((a, b) -> b).orElse(out);
        return new Run(p.waitFor(), verdict);
    }

    /** A 16-bit DX chest film, side × side: a smooth gradient with fixed-seed noise over the 16 bits. */
    static Path film(Path file, int side, int n) throws Exception {
        AttributeList l = new AttributeList();
        DicomAttributes.put(l, TagFromName.SOPClassUID, SOPClass.DigitalXRayImageStorageForPresentation);
        DicomAttributes.put(l, TagFromName.SOPInstanceUID, "2.25.1500" + n);
        DicomAttributes.put(l, TagFromName.StudyInstanceUID, "2.25.1501" + n);
        DicomAttributes.put(l, TagFromName.SeriesInstanceUID, "2.25.1502" + n);
        DicomAttributes.put(l, TagFromName.Modality, "DX");
        DicomAttributes.put(l, TagFromName.BodyPartExamined, "CHEST");
        DicomAttributes.put(l, TagFromName.ViewPosition, "PA");
        DicomAttributes.put(l, TagFromName.PatientName, "Synthetic^Film");
        DicomAttributes.put(l, TagFromName.PatientID, "SYN-15");
        DicomAttributes.put(l, TagFromName.ImagerPixelSpacing, 0.143, 0.143);
        DicomAttributes.put(l, TagFromName.SamplesPerPixel, 1);
        DicomAttributes.put(l, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        DicomAttributes.put(l, TagFromName.Rows, side);
        DicomAttributes.put(l, TagFromName.Columns, side);
        DicomAttributes.put(l, TagFromName.BitsAllocated, 16);
        DicomAttributes.put(l, TagFromName.BitsStored, 16);
        DicomAttributes.put(l, TagFromName.HighBit, 15);
        DicomAttributes.put(l, TagFromName.PixelRepresentation, 0);
        short[] px = new short[side * side];
        Random r = new Random(15);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double body = Math.exp(-Math.pow((x - side / 2.0) / (0.35 * side), 2));
                px[y * side + x] = (short) Math.min(65535, 8000 + 40000 * body + r.nextInt(2000));
            }
        }
        OtherWordAttribute pixels = new OtherWordAttribute(TagFromName.PixelData);
        pixels.setValues(px);
        l.put(pixels);
        Files.write(file, DicomAttributes.toPart10(l));
        return file;
    }
}
