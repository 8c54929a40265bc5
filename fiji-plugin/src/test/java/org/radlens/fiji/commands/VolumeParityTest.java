package org.radlens.fiji.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.ImageFiles;
import org.radlens.fiji.Cancelled;
import org.radlens.fiji.Fixtures;
import org.radlens.fiji.ModelSession;
import org.radlens.models.RadLensModel;
import org.radlens.models.pkg.ModelManifest.FindingPrompts;
import org.radlens.models.volume.HeatMap3D;
import org.radlens.models.volume.Pooling;
import org.radlens.models.volume.VolumeEmbedding;
import org.radlens.models.volume.VolumeEncoder;
import org.radlens.models.volume.VolumeOptions;
import org.radlens.models.zeroshot.FindingScore;
import org.radlens.volume3d.Plane;
import org.radlens.volume3d.Volume;

/**
 * Classify Volume and Ground in Volume give the numbers {@code radlens classify} / {@code radlens ground} give for
 * the same volume and package, with a package whose default pooling is attention. The command line's side is
 * computed as cli's {@code VolumeResults} does it (fiji-plugin may not depend on cli): the file read by dicom-io's
 * {@code ImageFiles.readVolume} (cli {@code VolumeInputs.read}), {@code VolumeOptions(AXIAL, 8, threads 1)} and the
 * package's default pooling (cli {@code VolumeOptionsMixin} defaults), values printed with {@code %.4f}
 * ({@code ImageBatch.fmt}), the peak voxel found in voxel order ({@code VolumeResults.peak}).
 */
class VolumeParityTest {
    @TempDir
    static Path tmp;
    private static Path attentionPackage;
    private static RadLensModel cli;
    private static ModelSession fiji;

    @BeforeAll
    static void packageWithAttentionPooling() throws Exception {
        attentionPackage = copy(Fixtures.TINY_MODEL, tmp.resolve("tiny-attention"));
        Path manifest = attentionPackage.resolve("radlens-model.json");
        JsonObject m = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
        int d = m.getAsJsonObject("outputs").get("embedding_dim").getAsInt();
        Random r = new Random(16);
        JsonArray weights = new JsonArray();
        for (int i = 0; i < d; i++) {
            weights.add(8 * r.nextGaussian());
        }
        JsonObject attention = new JsonObject();
        attention.add("weights", weights);
        JsonObject pooling = new JsonObject();
        pooling.addProperty("default", "attention");
        pooling.add("attention", attention);
        m.add("volume_pooling", pooling);
        Files.writeString(manifest, m.toString());
        cli = RadLensModel.open(attentionPackage);
        fiji = new ModelSession(p -> RadLensModel.open(attentionPackage), Map.of("RADLENS_MODEL",
                attentionPackage.toString()));
    }

    @AfterAll
    static void close() {
        cli.close();
        fiji.release();
    }

    @AfterEach
    void resetEscape() {
        IJ.resetEscape();
    }

    @Test
    void classifyVolumeScoresAsTheCommandLineWithTheAttentionPooling() throws Throwable {
        VolumeEncoder enc = cli.volumeEncoder();
        assertEquals(Pooling.ATTENTION, enc.defaultPooling());
        Volume v = ImageFiles.readVolume(Fixtures.NIFTI);
        VolumeEmbedding e = enc.encode(v, cliOptions(), enc.defaultPooling());
        Map<String, FindingPrompts> findings = cli.classifier().defaultFindings();
        List<String> printed = printed(cli.classifier().classify(e.embedding(), findings));

        ImagePlus imp = OpenImageCommand.open(Fixtures.NIFTI);
        List<String> log = logOf(() -> ClassifyVolumeCommand.execute(imp,
                new ClassifyVolumeCommand.Params("", false, 1, 0, 1, false), fiji));
        assertEquals(1, log.size(), "one Log line: " + log);
        assertTrue(log.get(0).startsWith("RadLens Classify Volume: 25 slice(s) from 1 to 25, attention pooling; top "),
                log.get(0));
        ResultsTable rt = ResultsTable.getResultsTable();
        int volumeRow = v.nz();
        assertEquals("volume", rt.getStringValue("Slice", volumeRow));
        assertEquals("attention", rt.getStringValue("Pooling", volumeRow));
        List<String> fromFiji = new ArrayList<>();
        for (String finding : findings.keySet()) {
            fromFiji.add(finding + " " + fmt(rt.getValue(finding, volumeRow)));
        }
        assertEquals(printed, fromFiji);
        for (int k = 0; k < v.nz(); k++) {
            assertEquals(e.sliceWeights()[k], rt.getValue("Weight", k), 1e-6, "slice " + (k + 1));
        }
        // the old Fiji path (mean of the slice embeddings) prints other numbers: this test tells them apart
        List<String> mean = printed(cli.classifier().classify(enc.encode(v, cliOptions(), Pooling.MEAN)
                .embedding(), findings));
        assertNotEquals(mean, printed);
    }

    @Test
    void groundInVolumeGivesTheCommandLinesHeatMapVoxelsAndPeak() throws Throwable {
        Volume v = ImageFiles.readVolume(Fixtures.NIFTI);
        HeatMap3D m = cli.volumeGrounder().heatMap(v, "lungs", cliOptions());
        int[] peak = peak(m);

        ImagePlus imp = OpenImageCommand.open(Fixtures.NIFTI);
        GroundVolumeCommand.Outcome[] run = new GroundVolumeCommand.Outcome[1];
        List<String> log = logOf(() -> run[0] = GroundVolumeCommand.execute(imp,
                new GroundVolumeCommand.Params("lungs", 50, "fire", 1, 0, 1, true), fiji));
        assertEquals(1, log.size(), "one Log line: " + log);
        GroundVolumeCommand.Outcome o = run[0];
        ImagePlus heat = o.heatMapStack();
        assertEquals(v.nz(), heat.getStackSize());
        float[] voxels = m.values();
        int n = v.nx() * v.ny();
        for (int k = 0; k < v.nz(); k++) {
            float[] slice = (float[]) heat.getStack().getPixels(k + 1);
            float[] expected = new float[n];
            System.arraycopy(voxels, k * n, expected, 0, n);
            assertArrayEquals(expected, slice, 0f, "slice " + (k + 1));
        }
        ResultsTable rt = ResultsTable.getResultsTable();
        int volumeRow = v.nz();
        assertEquals(fmt(m.range()[1]), fmt(rt.getValue("Max", volumeRow)));
        assertEquals(List.of(peak[0], peak[1], peak[2] + 1), List.of((int) rt.getValue("Peak x", volumeRow),
                (int) rt.getValue("Peak y", volumeRow), (int) rt.getValue("Best slice", volumeRow)));
        assertEquals(m.stream().name().toLowerCase(Locale.ROOT), rt.getStringValue("Stream", volumeRow));
    }

    @Test
    void escapeStopsAVolumeCommandAndLeavesTheImageAlone() throws Exception {
        ImagePlus imp = OpenImageCommand.open(Fixtures.NIFTI);
        IJ.setKeyDown(KeyEvent.VK_ESCAPE);
        Cancelled c = assertThrows(Cancelled.class, () -> ClassifyVolumeCommand.execute(imp,
                new ClassifyVolumeCommand.Params("", false, 1, 0, 1, true), fiji));
        assertEquals("Classify Volume cancelled (Esc)", c.getMessage());
        assertThrows(Cancelled.class, () -> GroundVolumeCommand.execute(imp,
                new GroundVolumeCommand.Params("lungs", 50, "fire", 1, 0, 1, true), fiji));
        assertNull(imp.getOverlay());
    }

    /**
     * What {@code body} writes to ImageJ's Log: without an ImageJ window IJ.log prints to standard output, where
     * nothing else of these commands goes (the libraries log through java.util.logging to standard error).
     */
    private static List<String> logOf(org.junit.jupiter.api.function.Executable body) throws Throwable {
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            body.execute();
        } finally {
            System.setOut(out);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }

    private static VolumeOptions cliOptions() {
        return new VolumeOptions(Plane.AXIAL, 8, 1);
    }

    private static List<String> printed(List<FindingScore> scores) {
        List<String> out = new ArrayList<>();
        for (FindingScore s : scores) {
            out.add(s.finding() + " " + fmt(s.probability()));
        }
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static int[] peak(HeatMap3D m) {
        float best = Float.NEGATIVE_INFINITY;
        int[] at = new int[3];
        for (int k = 0; k < m.nz(); k++) {
            for (int j = 0; j < m.ny(); j++) {
                for (int i = 0; i < m.nx(); i++) {
                    if (m.get(i, j, k) > best) {
                        best = m.get(i, j, k);
                        at = new int[] {i, j, k};
                    }
                }
            }
        }
        return at;
    }

    private static Path copy(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
