package org.radlens.validation.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    @TempDir
    Path dir;

    @Test
    void pathsResolveAgainstTheManifestFolder() throws Exception {
        Path m = Fixtures.text(dir.resolve("sub/m.csv"), "image,label\n../img/a.png,x\n");
        Manifest man = Manifest.read(m);
        assertEquals(dir.resolve("img/a.png").toAbsolutePath(), man.resolve(man.rows().get(0).get("image")));
        assertEquals(64, man.sha256().length());
    }

    @Test
    void wrongFieldCountsAreListedByLine() throws Exception {
        Path m = Fixtures.text(dir.resolve("m.csv"), "a,b\n1,2\n1\n1,2,3\n");
        ManifestException e = assertThrows(ManifestException.class, () -> Manifest.read(m));
        assertEquals(2, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("line 3: 1 fields"), e.getMessage());
    }

    @Test
    void unknownColumnsNameWhatExists() throws Exception {
        Manifest man = Manifest.read(Fixtures.text(dir.resolve("m.csv"), "image,label\na,b\n"));
        ManifestException e = assertThrows(ManifestException.class, () -> man.requireColumns("image", "mask"));
        assertTrue(e.getMessage().contains("unknown column 'mask' (columns: image, label)"), e.getMessage());
    }

    @Test
    void missingAndEmptyFilesAreListed() throws Exception {
        Fixtures.png(dir.resolve("a.png"), 2, 2, (x, y) -> 0);
        Manifest man = Manifest.read(Fixtures.text(dir.resolve("m.csv"), "image\na.png\nb.png\n\"\"\n"));
        ManifestException e = assertThrows(ManifestException.class, () -> man.requireFiles("image"));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("line 3: image b.png not found"), e.getMessage());
        assertTrue(e.problems().get(1).startsWith("line 4: empty image"), e.getMessage());
        assertTrue(Files.exists(dir.resolve("a.png")));
    }

    @Test
    void emptyManifestsAreRejected() throws Exception {
        assertThrows(ManifestException.class, () -> Manifest.read(Fixtures.text(dir.resolve("e.csv"), "")));
        Manifest headerOnly = Manifest.read(Fixtures.text(dir.resolve("h.csv"), "image\n"));
        assertThrows(ManifestException.class, () -> headerOnly.requireColumns("image"));
    }
}
