package org.radlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code radlens demo} on the bundled samples (the repository's {@code samples/}, one level up). */
class DemoCommandTest {
    static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path out;

    @Test
    void demoReadsTheBundledSamplesAndWritesASummary() throws IOException {
        StringWriter stdout = new StringWriter();
        int code = run(stdout, "demo", "--samples", SAMPLES.toString(), "--out", out.toString());
        assertEquals(0, code, stdout.toString());
        assertTrue(stdout.toString().contains("read kermany-normal-IM-0001-0001.jpg: OT 224x224"), stdout.toString());
        assertTrue(stdout.toString().contains("covid-notes-329_637.dcm"), stdout.toString());

        JsonObject summary = JsonParser.parseString(Files.readString(out.resolve("summary.json"))).getAsJsonObject();
        JsonObject step = summary.getAsJsonArray("steps").get(0).getAsJsonObject();
        assertEquals("read-samples", step.get("step").getAsString());
        JsonArray images = step.getAsJsonArray("images");
        assertEquals(4, images.size());
        JsonObject dicom = images.get(0).getAsJsonObject();
        JsonObject adult = images.get(1).getAsJsonObject();
        assertEquals("covid-notes-329_637.dcm", dicom.get("file").getAsString());
        assertEquals("DX", dicom.get("modality").getAsString());
        assertEquals("covid-notes-329_637.jpg", adult.get("file").getAsString());
        assertEquals(512, adult.get("width").getAsInt());
        assertEquals(512, adult.get("height").getAsInt());
        // mean of the decoded JPEG as pydicom/PIL report it for the same pixels (samples/PROVENANCE.md)
        assertEquals(159.854, adult.get("mean").getAsDouble(), 0.01);

        JsonArray analysed = summary.getAsJsonArray("steps").get(1).getAsJsonObject().getAsJsonArray("images");
        JsonObject fromDicom = analysed.get(0).getAsJsonObject().getAsJsonObject("findings");
        JsonObject fromJpeg = analysed.get(1).getAsJsonObject().getAsJsonObject("findings");
        assertEquals(fromJpeg, fromDicom, "the DICOM wraps the JPEG's pixels: same scores");
        JsonObject normal = analysed.get(2).getAsJsonObject().getAsJsonObject("findings");
        JsonObject pneumonia = analysed.get(3).getAsJsonObject().getAsJsonObject("findings");
        assertTrue(normal.get("normal").getAsDouble() > 0.5 && normal.get("pneumonia").getAsDouble() < 0.5, normal.toString());
        assertTrue(pneumonia.get("pneumonia").getAsDouble() > 0.5, pneumonia.toString());
        for (JsonElement e : analysed) {
            JsonObject r = e.getAsJsonObject();
            assertTrue(r.get("lung_pixels").getAsLong() > 0, r.toString());
            assertEquals("segmentation head", r.get("mask_source").getAsString());
        }
        assertTrue(Files.size(out.resolve("covid-notes-329_637_dcm_lungs.png")) > 0);
        assertTrue(Files.size(out.resolve("kermany-pneumonia-person100_bacteria_475_jpg_pneumonia.png")) > 0);
    }

    @Test
    void missingSamplesFolderIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cl = RadLens.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("demo", "--samples", out.resolve("nope").toString(), "--out", out.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("samples folder not found"), err.toString());
    }

    @Test
    void folderWithoutImagesFailsWithOneLineAndExitOne() throws IOException {
        Path empty = Files.createDirectory(out.resolve("empty"));
        StringWriter err = new StringWriter();
        CommandLine cl = RadLens.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int code = cl.execute("demo", "--samples", empty.toString(), "--out", out.toString());
        assertEquals(1, code);
        assertTrue(err.toString().startsWith("demo: no sample images in"), err.toString());
        assertTrue(!err.toString().contains("\tat "), "stack trace printed: " + err);
    }

    private static int run(StringWriter stdout, String... args) {
        CommandLine cl = RadLens.commandLine();
        cl.setOut(new PrintWriter(stdout));
        return cl.execute(args);
    }
}
