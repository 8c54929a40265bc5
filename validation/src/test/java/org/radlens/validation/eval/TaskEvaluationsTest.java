package org.radlens.validation.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.validation.report.EvalReport;

/** Segmentation, grounding and retrieval end to end over generated files with CSV-backed predictions. */
class TaskEvaluationsTest {
    @TempDir
    Path dir;

    private EvalSettings settings() {
        return new EvalSettings(dir.resolve("out"), false, 200, 0.95, 1, 1);
    }

    private static JsonObject metrics(Path out) throws Exception {
        return JsonParser.parseString(Files.readString(out.resolve("metrics.json"))).getAsJsonObject();
    }

    @Test
    void segmentationDiceAndDistances() throws Exception {
        Fixtures.png(dir.resolve("img/a.png"), 20, 10, (x, y) -> 100);
        Fixtures.png(dir.resolve("ref/a.png"), 20, 10, (x, y) -> x >= 2 && x < 8 && y >= 2 && y < 8 ? 1 : 0);
        Fixtures.png(dir.resolve("pred/a.png"), 20, 10, (x, y) -> x >= 4 && x < 10 && y >= 2 && y < 8 ? 255 : 0);
        Path manifest = Fixtures.text(dir.resolve("masks.csv"), "image,mask\nimg/a.png,ref/a.png\n");
        Fixtures.text(dir.resolve("pred.csv"), "image,mask\nimg/a.png,pred/a.png\n");
        EvalReport r = SegmentationEvaluation.run(Manifest.read(manifest),
                CsvMaskSource.read(dir.resolve("pred.csv"), new ImageIoFiles()), new ImageIoFiles(), settings());
        JsonObject m = metrics(dir.resolve("out")).getAsJsonObject("metrics");
        assertEquals(1, r.n());
        assertEquals(2.0 * 24 / 72, m.getAsJsonObject("dice").get("mean").getAsDouble(), 1e-12);
        assertEquals(24.0 / 48, m.getAsJsonObject("iou").get("mean").getAsDouble(), 1e-12);
        assertEquals(2.0, m.getAsJsonObject("hd95_mm").get("max").getAsDouble(), 1e-12, "shift of two pixels");
        assertTrue(Files.size(dir.resolve("out/example-1.png")) > 0);
        List<String> items = Files.readAllLines(dir.resolve("out/items.csv"));
        assertEquals("line,image,mask,class,dice,iou,hd95,asd,hd", items.get(0));
        assertTrue(items.get(1).startsWith("2,img/a.png,ref/a.png,,0.6666"), items.get(1));
    }

    @Test
    void segmentationRejectsMissingMasks() throws Exception {
        Fixtures.png(dir.resolve("img/a.png"), 4, 4, (x, y) -> 0);
        Path manifest = Fixtures.text(dir.resolve("masks.csv"), "image,mask\nimg/a.png,ref/none.png\n");
        ManifestException e = assertThrows(ManifestException.class, () -> SegmentationEvaluation.run(
                Manifest.read(manifest), null, new ImageIoFiles(), settings()));
        assertTrue(e.getMessage().contains("line 2: mask ref/none.png not found"), e.getMessage());
    }

    @Test
    void groundingPointingGameIouAndCnr() throws Exception {
        Fixtures.png(dir.resolve("img/a.png"), 16, 12, (x, y) -> 50);
        Fixtures.png(dir.resolve("maps/a-left.png"), 16, 12, (x, y) -> x < 8 ? 200 + y : 10);
        Fixtures.png(dir.resolve("maps/a-right.png"), 16, 12, (x, y) -> x < 8 ? 200 + y : 10); // points left: miss
        Path manifest = Fixtures.text(dir.resolve("boxes.csv"), "image,query,x,y,w,h\n"
                + "img/a.png,left lung,0,0,8,12\nimg/a.png,right lung,8,0,8,12\n");
        Fixtures.text(dir.resolve("maps.csv"), "image,query,heatmap\nimg/a.png,left lung,maps/a-left.png\n"
                + "img/a.png,right lung,maps/a-right.png\n");
        EvalReport r = GroundingEvaluation.run(Manifest.read(manifest), CsvHeatMapSource.read(dir.resolve("maps.csv")),
                0.5, settings());
        assertEquals(2, r.n());
        JsonObject m = metrics(dir.resolve("out")).getAsJsonObject("metrics");
        assertEquals(0.5, m.getAsJsonObject("pointing_game").get("value").getAsDouble(), 0);
        JsonObject left = m.getAsJsonObject("per_query").getAsJsonObject("left lung");
        assertEquals(1.0, left.getAsJsonObject("pointing_game").get("value").getAsDouble(), 0);
        assertEquals(1.0, left.getAsJsonObject("iou").get("mean").getAsDouble(), 1e-12);
        assertTrue(left.getAsJsonObject("cnr").get("mean").getAsDouble() > 10);
        assertEquals(0.0, m.getAsJsonObject("per_query").getAsJsonObject("right lung").getAsJsonObject("dice")
                .get("mean").getAsDouble(), 1e-12);
    }

    @Test
    void groundingRejectsBadBoxes() throws Exception {
        Fixtures.png(dir.resolve("img/a.png"), 4, 4, (x, y) -> 0);
        Path manifest = Fixtures.text(dir.resolve("boxes.csv"), "image,query,x,y,w,h\nimg/a.png,q,0,0,abc,1\n"
                + "img/a.png,q,0,0,0,1\nimg/a.png,,0,0,1,1\n");
        ManifestException e = assertThrows(ManifestException.class,
                () -> GroundingEvaluation.run(Manifest.read(manifest), null, 0.5, settings()));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("line 2: bad box"), e.getMessage());
    }

    @Test
    void retrievalRecallBothDirections() throws Exception {
        StringBuilder manifest = new StringBuilder("image,text\n");
        StringBuilder emb = new StringBuilder("kind,key,e0,e1,e2\n");
        double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int i = 0; i < 3; i++) {
            Fixtures.png(dir.resolve("img/" + i + ".png"), 2, 2, (x, y) -> 0);
            manifest.append("img/").append(i).append(".png,\"finding ").append(i).append(", left\"\n");
            emb.append("image,img/").append(i).append(".png,").append(v[i][0]).append(',').append(v[i][1]).append(',')
                    .append(v[i][2]).append('\n');
            int j = i == 2 ? 0 : i; // text 2 embeds like image 0: a miss at R@1 both ways for pair 2
            emb.append("text,\"finding ").append(i).append(", left\",").append(v[j][0]).append(',').append(v[j][1])
                    .append(',').append(v[j][2]).append('\n');
        }
        Path m = Fixtures.text(dir.resolve("pairs.csv"), manifest.toString());
        Fixtures.text(dir.resolve("emb.csv"), emb.toString());
        RetrievalEvaluation.run(Manifest.read(m), CsvEmbeddingSource.read(dir.resolve("emb.csv")), settings());
        JsonObject j = metrics(dir.resolve("out")).getAsJsonObject("metrics");
        // sim = [[1,0,1],[0,1,0],[0,0,0]]: image 0 ties texts 0 and 2 (a miss at K=1), image 2 ties everything;
        // text 2 prefers image 0
        assertEquals(1.0 / 3, j.getAsJsonObject("image_to_text").get("recall_at_1").getAsDouble(), 1e-12);
        assertEquals(1.0, j.getAsJsonObject("image_to_text").get("recall_at_5").getAsDouble(), 1e-12);
        assertEquals(2.0 / 3, j.getAsJsonObject("text_to_image").get("recall_at_1").getAsDouble(), 1e-12);
        assertEquals(3, j.get("distinct_texts").getAsInt());
    }

    @Test
    void retrievalTreatsIdenticalTextsAsOneCandidate() throws Exception {
        StringBuilder emb = new StringBuilder("kind,key,e0,e1\ntext,same,1,0\ntext,other,0,1\n");
        for (int i = 0; i < 3; i++) {
            Fixtures.png(dir.resolve("img/" + i + ".png"), 2, 2, (x, y) -> 0);
            emb.append("image,img/").append(i).append(".png,").append(i < 2 ? "1,0.1" : "0.1,1").append('\n');
        }
        Path m = Fixtures.text(dir.resolve("pairs.csv"), "image,text\nimg/0.png,same\nimg/1.png,same\n"
                + "img/2.png,other\n");
        Fixtures.text(dir.resolve("emb.csv"), emb.toString());
        RetrievalEvaluation.run(Manifest.read(m), CsvEmbeddingSource.read(dir.resolve("emb.csv")), settings());
        JsonObject j = metrics(dir.resolve("out")).getAsJsonObject("metrics");
        assertEquals(1.0, j.getAsJsonObject("image_to_text").get("recall_at_1").getAsDouble(), 1e-12,
                "a duplicated report is not a competitor of itself");
        assertEquals(1.0, j.getAsJsonObject("text_to_image").get("recall_at_1").getAsDouble(), 1e-12);
        assertEquals(2, j.get("distinct_texts").getAsInt());
    }
}
