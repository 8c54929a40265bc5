package org.radlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code radlens eval ...} end to end on generated files with precomputed predictions. */
class EvalCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void zeroShotFixture() throws IOException {
        StringBuilder manifest = new StringBuilder("image,label\n");
        StringBuilder scores = new StringBuilder("image,normal,pneumonia\n");
        for (int i = 0; i < 20; i++) {
            String img = "img/" + i + ".png";
            png(dir.resolve(img), (x, y) -> 80);
            boolean sick = i % 2 == 0;
            double p = sick ? 0.3 + 0.035 * i : 0.05 * i;
            manifest.append(img).append(',').append(sick ? "pneumonia" : "normal").append('\n');
            scores.append(img).append(',').append(1 - p).append(',').append(p).append('\n');
        }
        Files.writeString(dir.resolve("manifest.csv"), manifest);
        Files.writeString(dir.resolve("scores.csv"), scores);
    }

    private static void png(Path file, java.util.function.IntBinaryOperator v) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(10, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 10; x++) {
                img.getRaster().setSample(x, y, 0, v.applyAsInt(x, y));
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }

    private int run(String... args) {
        CommandLine cl = RadLens.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private String[] zeroShot(String... extra) {
        String[] base = {"eval", "zeroshot", "--manifest", dir.resolve("manifest.csv").toString(), "--classes",
            "normal,pneumonia", "--out", dir.resolve("out").toString(), "--bootstrap", "200"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void zeroShotWithPrecomputedScores() throws IOException {
        assertEquals(0, run(zeroShot("--scores", dir.resolve("scores.csv").toString())), err.toString());
        assertTrue(out.toString().contains("zeroshot: 20 items evaluated, 0 failed"), out.toString());
        String json = Files.readString(dir.resolve("out/metrics.json"));
        assertTrue(json.contains("\"task\": \"zeroshot\""), json);
        assertEquals(1, run(zeroShot("--scores", dir.resolve("scores.csv").toString())));
        assertTrue(err.toString().contains("--force"), err.toString());
        assertEquals(0, run(zeroShot("--scores", dir.resolve("scores.csv").toString(), "--force", "--compare-scores",
                dir.resolve("scores.csv").toString())), err.toString());
        assertTrue(Files.readString(dir.resolve("out/metrics.json")).contains("paired DeLong"));
    }

    @Test
    void badInputExitsTwoWithTheOffendingRows() throws IOException {
        Files.writeString(dir.resolve("manifest.csv"), Files.readString(dir.resolve("manifest.csv"))
                .replace("img/3.png,normal", "img/3.png,covid"));
        assertEquals(2, run(zeroShot("--scores", dir.resolve("scores.csv").toString())));
        assertTrue(err.toString().contains("line 5: label 'covid'"), err.toString());
        assertEquals(2, run("eval", "zeroshot", "--manifest", "x.csv"), "missing required options");
        assertEquals(2, run("eval"));
    }

    @Test
    void modelPackageThatCannotLoadFailsWithAClearMessage() {
        assertEquals(1, run(zeroShot("--model", dir.resolve("pkg").toString())));
        assertTrue(err.toString().contains("pkg"), err.toString());
        assertTrue(!err.toString().contains("\tat "), "stack trace printed: " + err);
    }

    @Test
    void promptsMustNameKnownClasses() throws Exception {
        Files.writeString(dir.resolve("prompts.json"), "{\"tb\": [\"tuberculosis\"]}");
        assertEquals(2, run(zeroShot("--scores", dir.resolve("scores.csv").toString(), "--prompts",
                dir.resolve("prompts.json").toString())));
        assertTrue(err.toString().contains("prompts for 'tb'"), err.toString());
        Files.writeString(dir.resolve("prompts.json"), "{\"pneumonia\": {\"positive\": [\"pneumonia\"], "
                + "\"negative\": [\"no pneumonia\"]}, \"normal\": [\"normal chest\"]}");
        var p = EvalZeroShotCommand.readPrompts(dir.resolve("prompts.json"));
        assertEquals(java.util.List.of("no pneumonia"), p.get("pneumonia").negativePrompts());
        assertEquals(java.util.List.of("normal chest"), p.get("normal").prompts());
        assertEquals(0, run(zeroShot("--scores", dir.resolve("scores.csv").toString(), "--prompts",
                dir.resolve("prompts.json").toString())), err.toString());
        Files.writeString(dir.resolve("prompts.json"), "{\"normal\": 3}");
        assertEquals(2, run(zeroShot("--scores", dir.resolve("scores.csv").toString(), "--prompts",
                dir.resolve("prompts.json").toString(), "--force")));
    }

    @Test
    void segmentationWithPrecomputedMasks() throws IOException {
        png(dir.resolve("ref/0.png"), (x, y) -> x < 5 ? 1 : 0);
        png(dir.resolve("pred/0.png"), (x, y) -> x < 6 ? 1 : 0);
        Files.writeString(dir.resolve("masks.csv"), "image,mask\nimg/0.png,ref/0.png\n");
        Files.writeString(dir.resolve("pred.csv"), "image,mask\nimg/0.png,pred/0.png\n");
        assertEquals(0, run("eval", "segmentation", "--manifest", dir.resolve("masks.csv").toString(), "--masks",
                dir.resolve("pred.csv").toString(), "--out", dir.resolve("seg").toString()), err.toString());
        assertTrue(Files.readString(dir.resolve("seg/report.md")).contains("dice.mean"));
    }

    @Test
    void suiteFromAFileOverADataRoot() throws IOException {
        Files.writeString(dir.resolve("suite.json"), """
                {"name": "mini", "task": "zeroshot", "manifest": "manifest.csv",
                 "columns": {"image": "image", "label": "label"}, "classes": ["normal", "pneumonia"]}""");
        assertEquals(0, run("eval", "suite", dir.resolve("suite.json").toString(), "--data", dir.toString(),
                "--scores", dir.resolve("scores.csv").toString(), "--out", dir.resolve("suite-out").toString(),
                "--bootstrap", "100"), err.toString());
        assertEquals(1, run("eval", "suite", "no-such-suite", "--data", dir.toString(), "--out",
                dir.resolve("x").toString()));
        assertTrue(err.toString().contains("unknown suite"), err.toString());
    }
}
