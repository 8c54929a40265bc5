package org.radlens.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultModelTest {
    @TempDir
    Path tmp;

    @Test
    void environmentVariableWins() throws Exception {
        Path pkg = Files.createDirectories(tmp.resolve("my-model"));
        assertEquals(pkg, DefaultModel.locate(Map.of("RADLENS_MODEL", pkg.toString()), tmp, null));
        String msg = assertThrows(ModelLoadException.class, () -> DefaultModel.locate(
                Map.of("RADLENS_MODEL", tmp.resolve("gone").toString()), tmp, null)).getMessage();
        assertTrue(msg.contains("$RADLENS_MODEL names a model package that does not exist"), msg);
    }

    @Test
    void findsTheCheckoutAboveTheWorkingDirectory() throws Exception {
        Files.createDirectories(tmp.resolve("models/packages/default"));
        Files.writeString(tmp.resolve("models/MODEL-PACKAGE.md"), "contract");
        Path deep = Files.createDirectories(tmp.resolve("cli/target"));
        assertEquals(tmp.resolve("models/packages/default"), DefaultModel.locate(Map.of(), deep, null));
        assertEquals(tmp.resolve("models/packages/default"), DefaultModel.locate(Map.of(), Path.of("/"), tmp.toString()));
    }

    @Test
    void saysWhereItLookedWhenThereIsNoPackage() {
        String msg = assertThrows(ModelLoadException.class, () -> DefaultModel.locate(Map.of(), tmp, null))
                .getMessage();
        assertTrue(msg.contains("$RADLENS_MODEL is not set") && msg.contains("models/packages/default"), msg);
    }
}
