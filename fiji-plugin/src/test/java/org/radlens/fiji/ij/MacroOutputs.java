package org.radlens.fiji.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks the files {@code all-commands.ijm} writes (shared by the Xvfb and the headless run). */
final class MacroOutputs {
    private MacroOutputs() {
    }

    static void check(Path out, Path log) throws IOException {
        String logText = Files.readString(log);
        assertTrue(Files.exists(out.resolve("done.txt")), "macro did not reach the end: " + logText);
        assertTrue(Files.readString(out.resolve("card.txt")).contains("Model: radlens-cxr-dualstream"), "card");
        String info = Files.readString(out.resolve("info.txt"));
        assertTrue(info.contains("0008,0060  Modality: DX") && info.contains("PixelSize: 0.2 mm"), info);

        List<String> classify = lines(out, "classify.csv");
        assertEquals(9, classify.size(), "header + 8 findings");
        assertTrue(classify.get(0).contains("Probability") && classify.get(1).contains("pneumonia"), "classify");
        assertTrue(lines(out, "classify-prompts.csv").get(1).contains("effusion"), "prompts");

        ImagePlus heat = RealImageJTest.open(out.resolve("heatmap.tif"));
        assertEquals(ImagePlus.GRAY32, heat.getType());
        assertEquals(512, heat.getWidth());
        assertEquals(0.2, heat.getCalibration().pixelWidth, 1e-9);
        List<String> overlay = lines(out, "ground-overlay.csv");
        assertEquals("0,0,0,512,512", overlay.get(0), "the heat map covers the image pixel for pixel");
        assertTrue(overlay.size() >= 2, "at least one box");

        ImagePlus labels = RealImageJTest.open(out.resolve("labels.tif"));
        assertTrue(labels.getStatistics().histogram[1] > 1000, "lung pixels labelled 1");
        assertTrue(lines(out, "segment.csv").get(1).contains("lungs"), "segment");
        assertEquals("1", Files.readString(out.resolve("segment-overlay.txt")).trim());

        assertEquals("25 2 2 2 mm", Files.readString(out.resolve("volume.txt")).trim());
        List<String> cv = lines(out, "classify-volume.csv");
        assertEquals(6, cv.size(), "header, slices 1, 9, 17, 25, volume");
        assertTrue(cv.get(5).contains("volume"), "volume row");
        assertEquals(6, lines(out, "ground-volume.csv").size());
        ImagePlus hv = RealImageJTest.open(out.resolve("heat-volume.tif"));
        assertEquals(4, hv.getStackSize());
        assertEquals(16, hv.getCalibration().pixelDepth, 1e-9);

        List<String> batch = lines(out, "batch.csv");
        assertEquals(5, batch.size(), "header + the 4 sample images");
        for (String row : batch.subList(1, batch.size())) {
            assertTrue(row.endsWith(","), "no error column: " + row);
        }
        assertTrue(logText.contains("RadLens Classify Chest X-ray error") && logText.contains("colour (RGB)"),
                "the screenshot was refused with a message");
        assertFalse(Files.exists(out.resolve("not-aborted.txt")), "the error stopped the macro");
    }

    private static List<String> lines(Path out, String name) throws IOException {
        return Files.readAllLines(out.resolve(name));
    }
}
