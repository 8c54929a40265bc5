package org.radlens.dicomio.derived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.DicomSeries;
import org.radlens.dicomio.SeriesSource;
import org.radlens.dicomio.SliceSource;
import org.radlens.dicomio.SourceImage;
import org.radlens.dicomio.SyntheticSeries;
import org.radlens.volume3d.LabelMask;

/**
 * OHIF's own loaders ({@code @cornerstonejs/adapters} 5.14 + {@code dcmjs} 0.52, through {@link OhifLoaders}) on
 * the SEG and SR we write: the three SEG readers (Cornerstone3D {@code createFromDICOMSegBuffer} and
 * {@code generateToolState}, legacy Cornerstone {@code generateToolState}) must put every segment on the right
 * source image at the right pixels, and {@code MeasurementReport.generateToolState} must rehydrate the grounding
 * boxes and peak with their coordinates and values.
 */
class OhifLoadersTest {
    static final List<String> SEG_READERS = List.of("segCornerstone3D", "segCornerstone3DGenerateToolState",
            "segCornerstoneLegacy");
    static final Path CR = Path.of("src/test/resources/fixtures/CR1_6154_monochrome1.dcm");

    @TempDir
    Path tmp;

    /** Non-zero in columns [c0, c1) and rows [r0, r1). */
    static byte[] block(int w, int h, int c0, int r0, int c1, int r1) {
        byte[] m = new byte[w * h];
        for (int y = r0; y < r1; y++) {
            for (int x = c0; x < c1; x++) {
                m[y * w + x] = 1;
            }
        }
        return m;
    }

    @Test
    void projectionSegLoadsInEveryReaderOnTheSourcePixels() throws Exception {
        OhifLoaders.assumeNode();
        for (Path source : List.of(StructuredReportsTest.SAMPLE, CR)) { // DX with a frame of reference; CR without
            SourceImage src = SourceImage.read(source);
            int w = src.header().columns();
            int h = src.header().rows();
            int c0 = w / 5, r0 = h / 10, c1 = w / 2, r1 = h / 2 + 1;
            Path seg = tmp.resolve(source.getFileName() + "-seg.dcm");
            Files.write(seg, Segmentations.binary(src, block(w, h, c0, r0, c1, r1), "lungs", SegmentationsTest.ALGO));
            OhifLoaders.Report r = OhifLoaders.load(List.of(source), seg, null);
            for (String reader : SEG_READERS) {
                JsonObject o = r.reader(reader);
                assertTrue(o.get("ok").getAsBoolean(), source + " " + reader + ": " + o);
                assertEquals("[{\"number\":1,\"label\":\"lungs\",\"type\":\"39607008\",\"category\":\"91723000\"}]",
                        o.get("segments").toString(), reader);
                JsonObject s1 = segment(o, 0, 1);
                assertEquals((long) (c1 - c0) * (r1 - r0), s1.get("count").getAsLong(), reader);
                assertEquals("[" + c0 + "," + r0 + "," + (c1 - 1) + "," + (r1 - 1) + "]", s1.get("box").toString(),
                        source + " " + reader);
            }
        }
    }

    @Test
    void seriesSegPutsEachFrameOnItsReferencedSlice() throws Exception {
        OhifLoaders.assumeNode();
        Path folder = SyntheticSeries.write(tmp.resolve("series"));
        SeriesSource series = DicomSeries.readSources(folder);
        int w = SyntheticSeries.COLUMNS;
        int h = SyntheticSeries.ROWS;
        byte[] l = new byte[w * h * SyntheticSeries.SLICES];
        l[0] = 1;                                   // slice 0 (0, 0)
        l[(2 * h + 2) * w + 3] = 1;                 // slice 2 (3, 2)
        for (int x = 1; x < 6; x++) {
            l[(h + 3) * w + x] = 2;                 // slice 1, row 3, columns 1..5
        }
        Path seg = tmp.resolve("series-seg.dcm");
        Files.write(seg, Segmentations.binaryVolume(series, new LabelMask(w, h, SyntheticSeries.SLICES, l,
                series.grid().geometry(), List.of("lungs", "liver"), "test"), SegmentationsTest.ALGO));
        List<Path> slices = new ArrayList<>();
        for (SliceSource s : series.slices()) {                     // the viewer's stack, in volume order
            slices.add(fileOf(folder, s.sopInstanceUid()));
        }
        OhifLoaders.Report r = OhifLoaders.load(slices, seg, null);
        for (String reader : SEG_READERS) {
            JsonObject o = r.reader(reader);
            assertTrue(o.get("ok").getAsBoolean(), reader + ": " + o);
            assertEquals("[0,0,0,0]", segment(o, 0, 1).get("box").toString(), reader);
            assertEquals(0, segment(o, 0, 2).get("count").getAsInt(), reader);
            assertEquals("[1,3,5,3]", segment(o, 1, 2).get("box").toString(), reader);
            assertEquals(0, segment(o, 1, 1).get("count").getAsInt(), reader);
            assertEquals("[3,2,3,2]", segment(o, 2, 1).get("box").toString(), reader);
        }
    }

    @Test
    void srRehydratesGroundingBoxesAndPeakOnTheSource() throws Exception {
        OhifLoaders.assumeNode();
        SourceImage src = SourceImage.read(StructuredReportsTest.SAMPLE); // 0.2 mm pixels
        ReportContent content = ReportContent.of(List.of(new ScoredFinding("pneumonia", 0.8125),
                        new ScoredFinding("pleural effusion", 0.25)))
                .withBoxes(List.of(new ReportContent.Box("pneumonia", 0.71, 10, 20, 60, 90),
                        new ReportContent.Box("consolidation", 0.4, 3, 4, 7, 8)))
                .withPeak(new ReportContent.Peak("pneumonia", 0.93, 30.5, 40.5))
                .withArea(new ReportContent.SegmentArea("lungs", 1234, 49.36));
        Path sr = tmp.resolve("sr.dcm");
        Files.write(sr, StructuredReports.measurementReport(src, content, SegmentationsTest.ALGO));
        OhifLoaders.Report r = OhifLoaders.load(List.of(StructuredReportsTest.SAMPLE), null, sr);
        JsonObject o = r.reader("sr");
        assertTrue(o.get("ok").getAsBoolean(), o.toString());
        JsonArray tools = o.getAsJsonArray("tools");
        assertEquals(3, tools.size(), tools.toString());
        // Cornerstone's image coordinates put pixel centres on integers: a SCOORD edge at 10 is its 9.5
        assertTool(tools.get(0), "RectangleROI", "233604007", "[[9.5,19.5],[59.5,19.5],[9.5,89.5],[59.5,89.5]]");
        assertEquals(50 * 70 * 0.04, tools.get(0).getAsJsonObject().get("area").getAsDouble(), 1e-9);
        assertTool(tools.get(1), "RectangleROI", "95436008", "[[2.5,3.5],[6.5,3.5],[2.5,7.5],[6.5,7.5]]");
        assertEquals(16 * 0.04, tools.get(1).getAsJsonObject().get("area").getAsDouble(), 1e-9);
        assertTool(tools.get(2), "Probe", "233604007", "[[30.0,40.0]]");
        assertEquals(0.93, tools.get(2).getAsJsonObject().get("value").getAsDouble(), 1e-9);
        for (JsonElement t : tools) {
            assertEquals(src.sopInstanceUid(), t.getAsJsonObject().get("sopInstanceUid").getAsString());
            assertEquals("radlens:0", t.getAsJsonObject().get("referencedImageId").getAsString());
        }
        assertEquals(3, r.skippedGroups(), "the two finding groups and the area group have no SCOORD: "
                + "OHIF lists them, its tools do not draw them");
    }

    private static void assertTool(JsonElement e, String type, String finding, String points) {
        JsonObject t = e.getAsJsonObject();
        assertEquals(type, t.get("toolType").getAsString(), t.toString());
        assertEquals(finding, t.get("finding").getAsString(), t.toString());
        JsonArray rounded = new JsonArray();
        for (JsonElement p : t.getAsJsonArray("points")) {
            JsonArray q = new JsonArray();
            for (JsonElement v : p.getAsJsonArray()) {
                q.add(Math.round(v.getAsDouble() * 1e4) / 1e4);
            }
            rounded.add(q);
        }
        assertEquals(points, rounded.toString(), t.toString());
    }

    /** Segment {@code number}'s count and box on source image {@code image}. */
    private static JsonObject segment(JsonObject reader, int image, int number) {
        return reader.getAsJsonArray("images").get(image).getAsJsonObject().getAsJsonObject("segments")
                .getAsJsonObject(String.valueOf(number));
    }

    private static Path fileOf(Path folder, String sopInstanceUid) throws Exception {
        try (var files = Files.list(folder)) {
            for (Path p : files.sorted().toList()) {
                if (SourceImage.read(p).sopInstanceUid().equals(sopInstanceUid)) {
                    return p;
                }
            }
        }
        throw new AssertionError("no slice " + sopInstanceUid + " in " + folder);
    }
}
