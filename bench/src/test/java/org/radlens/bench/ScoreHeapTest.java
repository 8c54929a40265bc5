package org.radlens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.radlens.dicomio.DicomAttributes;
import org.radlens.dicomio.codec.GdcmCodec;

/**
 * Issue 15's memory target: scoring a 3,000 × 3,000 16-bit film ({@code --segment}, SR + SEG) fits in the heap the
 * same child JVM needs to score a 64 × 64 film plus 3× the film's pixel bytes, uncompressed and in every compressed
 * transfer syntax of the realistic workload whose encoder is installed ({@link CompressedFilm}: dcmtk, gdcmconv),
 * decoded through GDCM when it is installed and by the pure-Java decoders ({@code -Dradlens.gdcm=false}). Measured
 * with heap caps, not timings ({@link HeapProbe}): the baseline is the smallest {@code -Xmx} (2 MB steps) with which
 * {@link ScoreHeapChild} scores the small uncompressed film; each film must then be scored with
 * {@code baseline + 3 × 18 MB} (JPEG 2000 without GDCM: {@link CompressedFilm#pureJavaCap}, the target not met). Serial GC with an 8 MB young generation, so the cap is what the live objects need (a
 * full GC compacts everything; no region rounding). With {@code -Dradlens.heap.measure=true} it also searches each
 * film's own smallest cap, and the small film's in the same syntax (the decoder's fixed cost), and prints the peak
 * live heap of scoring it, (cap − baseline) / pixel bytes, and the child's resident-set growth (native memory).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoreHeapTest {
    private static final int SIDE = 3000;
    private static final long PIXEL_BYTES = 2L * SIDE * SIDE;
    private static final boolean MEASURE = Boolean.getBoolean("radlens.heap.measure");

    @TempDir
    static Path dir;
    private Path model;
    private Path warm;
    private Path small;
    private Path big;
    private int baseline;
    private int cap;

    @BeforeAll
    void baseline() throws Exception {
        model = Path.of("..", "models", "packages", "default").toAbsolutePath().normalize();
        warm = film(dir.resolve("warm.dcm"), 64, 1);
        small = film(dir.resolve("small.dcm"), 64, 2);
        big = film(dir.resolve("big.dcm"), SIDE, 3);
        baseline = new HeapProbe(model, true).smallestCap(warm, small, 16, 128);
        cap = baseline + (int) Math.ceil(3.0 * PIXEL_BYTES / (1 << 20));
    }

    @Test
    void filmScoresWithinBaselinePlusThreeTimesItsPixelBytes() throws Exception {
        HeapProbe probe = new HeapProbe(model, true);
        HeapProbe.Run r = probe.child(warm, big, cap);
        System.out.printf(Locale.ROOT, "baseline (64x64 film) -Xmx%dm; 3000x3000 16-bit film (%.1f MB of pixels) at "
                + "-Xmx%dm: %s%n", baseline, PIXEL_BYTES / 1e6, cap, r.output().strip());
        assertEquals(0, r.exit(), "the film must score within baseline + 3x its pixel bytes: " + r.output());
        if (MEASURE) {
            int need = probe.smallestCap(warm, big, baseline, cap);
            long live = r.bytes("live after warm-up");
            long old = (need - HeapProbe.YOUNG_MB) * (1L << 20) - live; // what the old generation held beside the baseline
            System.out.printf(Locale.ROOT, "smallest cap for the film -Xmx%dm: %.1f MB above the baseline's cap = "
                    + "%.2fx its pixel bytes (+- %d MB); cap - young - live after warm-up: %.1f MB = %.2fx%n", need,
                    (need - baseline) * 1.048576, (need - baseline) * (double) (1 << 20) / PIXEL_BYTES,
                    HeapProbe.STEP_MB, old / 1e6, old / (double) PIXEL_BYTES);
        }
    }

    @ParameterizedTest
    @EnumSource(CompressedFilm.class)
    void compressedFilmScoresWithinBaselinePlusThreeTimesItsPixelBytes(CompressedFilm c) throws Exception {
        String only = System.getProperty("radlens.heap.films", "");
        assumeTrue(only.isEmpty() || List.of(only.split(",")).contains(c.name()), () -> c.name() + " not in "
                + "-Dradlens.heap.films=" + only);
        Optional<String> missing = c.missingTool();
        assumeTrue(missing.isEmpty(), () -> "skipped " + c.label + ": " + missing.orElse("") + " is not installed "
                + "(./bootstrap --test-tools installs dcmtk and libgdcm-tools)");
        String key = c.name().toLowerCase(Locale.ROOT);
        Path cWarm = c.encode(warm, dir.resolve(key + "-warm.dcm"));
        Path cSmall = c.encode(small, dir.resolve(key + "-small.dcm"));
        Path cBig = c.encode(big, dir.resolve(key + "-big.dcm"));
        List<String> failed = new ArrayList<>();
        for (boolean gdcm : c.gdcm && GdcmCodec.find().isPresent() ? List.of(true, false) : List.of(false)) {
            HeapProbe probe = new HeapProbe(model, gdcm);
            String path = c.label + (gdcm ? " via GDCM" : " pure Java");
            int times = gdcm ? 3 : c.pureJavaCap;
            int pathCap = baseline + (int) Math.ceil(times * PIXEL_BYTES / (double) (1 << 20));
            HeapProbe.Run r = probe.child(cWarm, cBig, pathCap);
            System.out.printf(Locale.ROOT, "%s (%.1f MB file) at -Xmx%dm (baseline %d + %dx pixel bytes%s): %s%n",
                    path, Files.size(cBig) / 1e6, pathCap, baseline, times, times > 3 ? ", target 3x not met" : "",
                    r.output().strip());
            if (MEASURE) {
                measure(probe, path, cWarm, cSmall, cBig);
            }
            if (r.exit() != 0) {
                failed.add(path + " at baseline + " + times + "x: " + r.output());
            }
        }
        assertTrue(failed.isEmpty(), "must score within its cap: " + failed);
    }

    /** Prints the film's smallest cap above the baseline and above the same syntax's small film, and its RSS growth. */
    private void measure(HeapProbe probe, String path, Path cWarm, Path cSmall, Path cBig) throws Exception {
        int own = probe.smallestCap(cWarm, cSmall, 10, baseline + 6);
        int lo = Math.min(own, baseline) + (int) (1.5 * PIXEL_BYTES / (1 << 20)); // below the float image (2x)
        int need = probe.smallestCap(cWarm, cBig, lo, baseline + (int) Math.ceil(8.0 * PIXEL_BYTES / (1 << 20)));
        HeapProbe.Run r = probe.lastScored();
        System.out.printf(Locale.ROOT, "heap: %s: smallest -Xmx%dm; above the uncompressed baseline (-Xmx%dm) %.1f MB "
                + "= %.2fx pixel bytes; above its own small film's (-Xmx%dm) %.1f MB = %.2fx (+- %d MB); allocated "
                + "%.1f MB; rss growth %.1f MB%n", path, need, baseline, (need - baseline) * 1.048576,
                (need - baseline) * (double) (1 << 20) / PIXEL_BYTES, own, (need - own) * 1.048576,
                (need - own) * (double) (1 << 20) / PIXEL_BYTES, HeapProbe.STEP_MB, r.bytes("allocated") / 1e6,
                r.bytes("rss growth") / 1e6);
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
