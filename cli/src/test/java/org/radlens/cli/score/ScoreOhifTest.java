package org.radlens.cli.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.cli.RadLens;
import org.radlens.dicomio.DicomReader;
import org.radlens.dicomio.derived.OhifLoaders;
import org.radlens.dicomio.SourceImage;

/**
 * What {@code radlens score --segment --write-dicom --overlay-sc} writes for the bundled DX sample, loaded by OHIF's
 * own libraries ({@link OhifLoaders}): the lung SEG by all three SEG readers on the source's pixels, with as many
 * pixels as the lung area of results.csv; the SR's grounding boxes and peak rehydrated as RectangleROI / Probe tools
 * on the source image.
 */
class ScoreOhifTest {
    @TempDir
    Path tmp;

    @Test
    void scoringOutputsLoadInOhifsReaders() throws Exception {
        OhifLoaders.assumeNode();
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Fixtures.SAMPLE, in.resolve("cxr.dcm"));
        Path out = tmp.resolve("out");
        assertEquals(0, RadLens.commandLine().execute("score", in.toString(), "--out", out.toString(), "--segment",
                "--write-dicom", "--overlay-sc", "pneumonia", "--workers", "1"));
        Map<String, Path> byModality = new HashMap<>();
        try (var files = Files.list(out.resolve("dicom"))) {
            for (Path f : files.toList()) {
                byModality.put(DicomReader.readHeader(f).modality(), f);
            }
        }
        OhifLoaders.Report r = OhifLoaders.load(List.of(Fixtures.SAMPLE), byModality.get("SEG"),
                byModality.get("SR"));
        double areaMm2 = lungAreaMm2(out.resolve("results.csv"));
        double[] spacing = SourceImage.read(Fixtures.SAMPLE).header().pixelSpacing();
        for (String reader : List.of("segCornerstone3D", "segCornerstone3DGenerateToolState",
                "segCornerstoneLegacy")) {
            JsonObject o = r.reader(reader);
            assertTrue(o.get("ok").getAsBoolean(), reader + ": " + o);
            long pixels = o.getAsJsonArray("images").get(0).getAsJsonObject().getAsJsonObject("segments")
                    .getAsJsonObject("1").get("count").getAsLong();
            assertTrue(pixels > 1000, reader + ": " + pixels + " lung pixels");
            assertEquals(areaMm2, pixels * spacing[0] * spacing[1], 0.05, reader); // results.csv rounds to 0.1 mm²
        }
        JsonObject sr = r.reader("sr");
        assertTrue(sr.get("ok").getAsBoolean(), sr.toString());
        int rectangles = 0;
        int probes = 0;
        String sop = SourceImage.read(Fixtures.SAMPLE).sopInstanceUid();
        for (JsonElement e : sr.getAsJsonArray("tools")) {
            JsonObject t = e.getAsJsonObject();
            assertEquals(sop, t.get("sopInstanceUid").getAsString(), t.toString());
            assertEquals("Pneumonia", t.get("description").getAsString(), t.toString());
            for (JsonElement p : t.getAsJsonArray("points")) {
                double x = p.getAsJsonArray().get(0).getAsDouble();
                double y = p.getAsJsonArray().get(1).getAsDouble();
                assertTrue(x >= -0.5 && x <= 511.5 && y >= -0.5 && y <= 511.5, t.toString());
            }
            rectangles += "RectangleROI".equals(t.get("toolType").getAsString()) ? 1 : 0;
            probes += "Probe".equals(t.get("toolType").getAsString()) ? 1 : 0;
        }
        assertTrue(rectangles >= 1, sr.toString());
        assertEquals(1, probes, sr.toString());
    }

    /** The lung area (mm²) of the one row of results.csv. */
    private static double lungAreaMm2(Path csv) throws Exception {
        List<String> rows = Files.readAllLines(csv);
        List<String> header = List.of(rows.get(0).split(","));
        int col = header.indexOf("lung_area_mm2");
        assertTrue(col >= 0, rows.get(0));
        return Double.parseDouble(rows.get(1).split(",")[col]);
    }
}
