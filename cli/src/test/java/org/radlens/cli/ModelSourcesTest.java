package org.radlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.models.RadLensModel;
import org.radlens.models.pkg.Sha256;
import org.radlens.pipeline.ScoringEngine;
import picocli.CommandLine;

/** {@code radlens eval ... --model PKG}: predictions from the bundled default package on the bundled samples. */
class ModelSourcesTest {
    static final Path SAMPLES = Path.of("..", "samples");
    static final Path MODEL = Path.of("..", "models", "packages", "default");

    @TempDir
    Path dir;

    @Test
    void zeroShotWithTheModelSeparatesTheSamplesAndRecordsTheModel() throws IOException {
        StringBuilder m = new StringBuilder("image,label\n");
        for (String[] row : List.of(new String[] {"kermany-normal-IM-0001-0001.jpg", "normal"},
                new String[] {"kermany-pneumonia-person100_bacteria_475.jpg", "pneumonia"},
                new String[] {"covid-notes-329_637.dcm", "pneumonia"})) {
            Files.copy(SAMPLES.resolve(row[0]), dir.resolve(row[0]), StandardCopyOption.REPLACE_EXISTING);
            m.append(row[0]).append(',').append(row[1]).append('\n');
        }
        Files.writeString(dir.resolve("m.csv"), m);
        StringWriter err = new StringWriter();
        CommandLine cl = RadLens.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("eval", "zeroshot", "--manifest", dir.resolve("m.csv").toString(), "--classes",
                "normal,pneumonia", "--model", MODEL.toString(), "--out", dir.resolve("out").toString(),
                "--bootstrap", "200");
        assertEquals(0, code, err.toString());
        JsonObject metrics = JsonParser.parseString(Files.readString(dir.resolve("out/metrics.json"))).getAsJsonObject();
        assertEquals(3, metrics.get("n").getAsInt());
        assertTrue(metrics.getAsJsonObject("model").get("name").getAsString().startsWith("radlens-cxr-dualstream"));
        JsonObject pneumonia = metrics.getAsJsonObject("metrics").getAsJsonObject("per_class").getAsJsonObject("pneumonia");
        assertEquals(1.0, pneumonia.get("roc_auc").getAsDouble(), 1e-9, metrics.toString());
    }

    @Test
    void compareTakesASecondModelPackage() throws IOException {
        zeroShotWithTheModelSeparatesTheSamplesAndRecordsTheModel();
        CommandLine cl = RadLens.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("eval", "zeroshot", "--manifest", dir.resolve("m.csv").toString(), "--classes",
                "normal,pneumonia", "--model", MODEL.toString(), "--compare",
                Path.of("..", "models", "src", "test", "resources", "packages", "tiny").toString(),
                "--out", dir.resolve("cmp").toString(), "--bootstrap", "200");
        assertEquals(0, code, err.toString());
        JsonObject cmp = JsonParser.parseString(Files.readString(dir.resolve("cmp/metrics.json"))).getAsJsonObject()
                .getAsJsonObject("metrics").getAsJsonObject("comparison");
        assertEquals("radlens-tiny-test 0.0.1", cmp.getAsJsonObject("model_b").get("name").getAsString());
        assertTrue(cmp.has("normal") && cmp.has("pneumonia"), cmp.toString());
    }

    /** One model, one identity: the report of a zipped package names it as SR/SEG do, by its manifest's sha256. */
    @Test
    void aZippedPackageIsReportedByTheSameIdentityAsItsFolderAndItsDicomObjects() throws Exception {
        zeroShotWithTheModelSeparatesTheSamplesAndRecordsTheModel();
        String identity = Sha256.hex(MODEL.resolve("radlens-model.json"));
        assertEquals(identity, reportedSha(dir.resolve("out")), "folder");
        Path zip = dir.resolve("default.zip");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip));
             var files = Files.walk(MODEL)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                z.putNextEntry(new java.util.zip.ZipEntry(MODEL.relativize(p).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(p));
                z.closeEntry();
            }
        }
        CommandLine cl = RadLens.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute("eval", "zeroshot", "--manifest", dir.resolve("m.csv").toString(), "--classes",
                "normal,pneumonia", "--model", zip.toString(), "--out", dir.resolve("zip").toString(),
                "--bootstrap", "200"), err.toString());
        assertEquals(identity, reportedSha(dir.resolve("zip")), "zip: the manifest's sha256, not the zip's");
        try (RadLensModel m = RadLensModel.open(zip)) {
            assertEquals(identity, ScoringEngine.algorithmOf(m).sha256(), "SR/SEG/SC name the model the same way");
        }
    }

    private static String reportedSha(Path out) throws IOException {
        return JsonParser.parseString(Files.readString(out.resolve("metrics.json"))).getAsJsonObject()
                .getAsJsonObject("model").get("sha256").getAsString();
    }

    @Test
    void classNamesMatchIgnoringCaseAndPlural() {
        assertEquals(1, ModelSources.labelOf(List.of("lungs"), "lung"));
        assertEquals(2, ModelSources.labelOf(List.of("heart", "Lungs"), "LUNGS"));
        assertEquals(0, ModelSources.labelOf(List.of("lungs"), "heart"));
    }
}
