package org.radlens.validation.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemCacheTest {
    @TempDir
    Path dir;

    private static JsonObject value(double v) {
        JsonObject o = new JsonObject();
        o.addProperty("v", v);
        return o;
    }

    @Test
    void resumesSameFingerprintIgnoringATruncatedLine() throws Exception {
        try (ItemCache c = ItemCache.open(dir, "fp1")) {
            c.put("a", value(1));
            c.put("b", value(2));
        }
        Files.writeString(dir.resolve(OutputDir.CACHE), "{\"key\":\"c\",\"val", StandardOpenOption.APPEND);
        try (ItemCache c = ItemCache.open(dir, "fp1")) {
            assertEquals(2, c.resumed());
            assertEquals(2.0, c.get("b").orElseThrow().get("v").getAsDouble());
            assertTrue(c.get("c").isEmpty());
        }
    }

    @Test
    void discardsACacheOfAnotherRun() throws Exception {
        try (ItemCache c = ItemCache.open(dir, "fp1")) {
            c.put("a", value(1));
        }
        try (ItemCache c = ItemCache.open(dir, "fp2")) {
            assertEquals(0, c.resumed());
            assertTrue(c.get("a").isEmpty());
        }
    }
}
