package org.radlens.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** classify / ground / segment end to end on the tiny test package (models/src/test/resources/packages/tiny). */
class ModelCommandsTest extends CliTest {
    private static final Path PKG = TINY;
    private static final String REF0 = PKG.resolve("reference/ref0.png").toString();
    private static final String WIDE = PKG.resolve("reference/synthetic16.png").toString();

    @TempDir
    Path tmp;


    private JsonArray json() {
        return JsonParser.parseString(out.toString()).getAsJsonArray();
    }

    @Test
    void classifyWritesJsonAndAnErrorRowForABadImage() {
        int code = run("classify", "--model", PKG.toString(), "--json", REF0, tmp.resolve("missing.png").toString());
        assertEquals(1, code, err.toString());
        JsonArray a = json();
        assertEquals(2, a.size());
        JsonArray findings = a.get(0).getAsJsonObject().getAsJsonArray("findings");
        assertEquals(8, findings.size());
        JsonObject first = findings.get(0).getAsJsonObject();
        assertEquals("pneumonia", first.get("finding").getAsString());
        assertEquals(0.71306, first.get("probability").getAsDouble(), 1e-4);   // reference/cases.json
        assertTrue(a.get(1).getAsJsonObject().get("error").getAsString().contains("missing.png"));
    }

    @Test
    void classifyWithUserPromptsScoresOnlyThoseFindingsAsATable() {
        int code = run("classify", "--model", PKG.toString(), "--prompt", "effusion=pleural effusion",
                "--negative", "effusion=no pleural effusion", "--finding", "normal", REF0);
        assertEquals(0, code, err.toString());
        String[] lines = out.toString().trim().split("\n");
        assertEquals("image\tfinding\tprobability\tcos_positive\tcos_negative", lines[0]);
        assertEquals(3, lines.length);
        assertTrue(lines[1].contains("\tnormal\t0.24"), lines[1]);
        assertTrue(lines[2].contains("\teffusion\t"), lines[2]);
    }

    @Test
    void groundWritesBoxesAndAHeatMapOverlayInTheOriginalSize() throws Exception {
        Path outDir = tmp.resolve("out");
        int code = run("ground", "--model", PKG.toString(), "--json", "--out", outDir.toString(),
                "--query", "right lung", "--query", "pneumonia", WIDE);
        assertEquals(0, code, err.toString());
        JsonArray q = json().get(0).getAsJsonObject().getAsJsonArray("queries");
        assertEquals("ANATOMY", q.get(0).getAsJsonObject().get("stream").getAsString());
        assertEquals("PATHOLOGY", q.get(1).getAsJsonObject().get("stream").getAsString());
        assertTrue(q.get(1).getAsJsonObject().getAsJsonArray("boxes").size() >= 1);
        BufferedImage png = ImageIO.read(outDir.resolve("synthetic16_right-lung.png").toFile());
        assertEquals(430, png.getWidth());
        assertEquals(600, png.getHeight());
    }

    @Test
    void segmentWithTheHeadAndFromGroundingRegions() throws Exception {
        Path outDir = tmp.resolve("out");
        assertEquals(0, run("segment", "--model", PKG.toString(), "--json", "--out", outDir.toString(), REF0),
                err.toString());
        JsonObject r = json().get(0).getAsJsonObject();
        assertEquals("segmentation head", r.get("source").getAsString());
        assertEquals("lungs", r.getAsJsonArray("classes").get(0).getAsJsonObject().get("name").getAsString());
        assertTrue(Files.exists(outDir.resolve("ref0_mask.png")));
        out.getBuffer().setLength(0);
        assertEquals(0, run("segment", "--model", PKG.toString(), "--region", "left lung", "--region", "right lung",
                REF0), err.toString());
        assertTrue(out.toString().contains("\t2\tright lung\t"), out.toString());
        assertTrue(out.toString().contains("thresholded grounding map"));
    }

    @Test
    void usageErrorsExitTwoAndABadModelExitsOne() {
        assertEquals(2, run("ground", "--model", PKG.toString(), REF0));            // --query missing
        assertEquals(2, run("classify", "--model", PKG.toString(), "--negative", "no-equals-sign", REF0));
        assertEquals(1, run("classify", "--model", tmp.resolve("nope").toString(), REF0));
        assertTrue(err.toString().contains("no such model package"), err.toString());
    }

    @Test
    void helpListsTheModelCommands() {
        assertEquals(0, run("--help"));
        String help = out.toString();
        assertTrue(help.contains("classify") && help.contains("ground") && help.contains("segment"), help);
    }
}
