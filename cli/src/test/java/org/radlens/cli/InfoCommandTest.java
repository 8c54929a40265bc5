package org.radlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.nifti.NiftiWriter;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.VoxelGeometry;

class InfoCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsGeometryAndRangeAsJson() throws Exception {
        float[] d = new float[4 * 3 * 2];
        d[5] = -1000;
        d[7] = 2000;
        Path p = dir.resolve("v.nii.gz");
        NiftiWriter.write(new Volume(4, 3, 2, d, VoxelGeometry.axial(0.5, 0.5, 2), IntensityInfo.rawGray()), p);
        String[] out = new String[1];
        int code = run(out, "info", p.toString());
        assertEquals(0, code);
        JsonObject json = JsonParser.parseString(out[0]).getAsJsonObject();
        assertEquals("[4,3,2]", json.get("dimensions").toString());
        assertEquals("LPS", json.get("orientation").getAsString());
        assertEquals(-1000.0, json.get("min").getAsDouble());
        assertEquals(2000.0, json.get("max").getAsDouble());
        assertEquals("NIFTI_GZ", json.get("format").getAsString());
    }

    @Test
    void failuresAndUsageErrorsHaveDistinctExitCodes() {
        String[] out = new String[1];
        assertEquals(1, run(out, "info", dir.resolve("missing.nii").toString()));
        assertEquals(2, run(out, "info"));
    }

    @Test
    void severalFilesGiveAnArrayAndOneErrorLinePerUnreadableFile() throws Exception {
        Path good = dir.resolve("v.nii.gz");
        NiftiWriter.write(new Volume(2, 2, 1, new float[4], VoxelGeometry.axial(1, 1, 1), IntensityInfo.rawGray()), good);
        Path bad = Files.write(dir.resolve("bad.dcm"), new byte[200]);
        String[] out = new String[1];
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = run(out, "info", good.toString(), bad.toString());
        } finally {
            System.setErr(oldErr);
        }
        assertEquals(1, code);
        JsonArray all = JsonParser.parseString(out[0]).getAsJsonArray();
        assertEquals(1, all.size());
        assertEquals(good.toString(), all.get(0).getAsJsonObject().get("file").getAsString());
        String msg = err.toString(StandardCharsets.UTF_8).trim();
        assertTrue(msg.startsWith("radlens info: " + bad + ": "), msg);
        assertFalse(msg.contains("Exception") || msg.contains("java."), msg);
    }

    static int run(String[] stdout, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return RadLens.commandLine().execute(args);
        } finally {
            System.setOut(old);
            stdout[0] = buf.toString(StandardCharsets.UTF_8);
        }
    }
}
