package org.radlens.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
    @TempDir
    Path dir;

    private static EvalReport report() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("auc", 0.75);
        metrics.put("threshold", Double.POSITIVE_INFINITY);
        metrics.put("count", 12.0);
        metrics.put("nested", Map.of("x", Double.NaN));
        return new EvalReport("zeroshot", 12, metrics, "m", "abc", "data/m.csv", "def", List.of("line 3: boom"),
                Map.of("ROC", "roc.png", "Example 1 not drawn: no reader", ""), List.of("a note"), "| a |\n|---|\n");
    }

    @Test
    void metricsJsonHasTheAgreedTopLevelAndNoNonFiniteNumbers() throws Exception {
        Reports.write(dir, report());
        JsonObject j = JsonParser.parseString(Files.readString(dir.resolve("metrics.json"))).getAsJsonObject();
        assertEquals("zeroshot", j.get("task").getAsString());
        assertEquals(12, j.get("n").getAsInt());
        assertEquals("abc", j.getAsJsonObject("model").get("sha256").getAsString());
        assertEquals("m", j.getAsJsonObject("model").get("name").getAsString());
        assertEquals("def", j.getAsJsonObject("data").get("sha256").getAsString());
        assertTrue(j.getAsJsonObject("metrics").get("threshold").isJsonNull());
        assertTrue(j.getAsJsonObject("metrics").getAsJsonObject("nested").get("x").isJsonNull());
        assertFalse(Files.exists(dir.resolve("metrics.json.tmp")));
    }

    @Test
    void metricsJsonKeysComeInTheDocumentedOrderSoTwoRunsAreByteIdentical() throws Exception {
        Reports.write(dir, report());
        String text = Files.readString(dir.resolve("metrics.json"));
        assertTrue(text.indexOf("\"name\": \"m\"") < text.indexOf("\"sha256\": \"abc\""), text);
        assertTrue(text.indexOf("\"manifest\": \"data/m.csv\"") < text.indexOf("\"sha256\": \"def\""), text);
    }

    @Test
    void orderedKeepsTheGivenKeyOrderAndRefusesAnOddArgumentCount() {
        Object[] kv = new Object[24];
        for (int i = 0; i < 12; i++) {
            kv[2 * i] = "k" + (11 - i);
            kv[2 * i + 1] = i;
        }
        Map<String, Object> m = Reports.ordered(kv);
        assertEquals(List.of("k11", "k10", "k9", "k8", "k7", "k6", "k5", "k4", "k3", "k2", "k1", "k0"),
                List.copyOf(m.keySet()));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Reports.ordered("a"));
    }

    @Test
    void markdownShowsSummaryMetricsPlotsFailuresAndNotes() {
        String md = Reports.markdown(report());
        assertTrue(md.contains("## Summary\n\n| a |"), md);
        assertTrue(md.contains("| auc | 0.7500 |"), md);
        assertTrue(md.contains("| count | 12 |"), md);
        assertTrue(md.contains("| threshold | null |"), md);
        assertTrue(md.contains("![ROC](roc.png)"), md);
        assertFalse(md.contains("![Example 1"), md);
        assertTrue(md.contains("- line 3: boom"), md);
        assertTrue(md.contains("- a note"), md);
    }

    @Test
    void plotsAreWrittenAsPng() throws Exception {
        Path png = dir.resolve("roc.png");
        Plots.unitSquare(png, "ROC", "fpr", "tpr", List.of(new Series("a", new double[] {0, 0.5, 1},
                new double[] {0, 0.8, 1})), true);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth());
        assertEquals(520, img.getHeight());
        int blue = img.getRGB(70 + (int) Math.round(0.25 * 420), 40 + 420 - (int) Math.round(0.4 * 420));
        assertEquals(0x1f77b4, blue & 0xffffff, "the curve passes through (0.25, 0.4)");
    }
}
