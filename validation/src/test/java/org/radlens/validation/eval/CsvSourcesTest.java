package org.radlens.validation.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.validation.metrics.BinaryMask;

class CsvSourcesTest {
    @TempDir
    Path dir;

    @Test
    void scoresMustBeFiniteNumbersAndCoverTheClasses() throws Exception {
        Path bad = Fixtures.text(dir.resolve("s.csv"), "image,a,b\nx.png,0.1,oops\ny.png,NaN,0.2\n");
        ManifestException e = assertThrows(ManifestException.class, () -> CsvScoreSource.read(bad, "image"));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("line 2: b = 'oops'"), e.getMessage());
        Path ok = Fixtures.text(dir.resolve("ok.csv"), "image,a,b\nx.png,0.1,0.9\n");
        CsvScoreSource s = CsvScoreSource.read(ok, "image");
        assertEquals(0.9, s.scores(dir.resolve("x.png"), List.of(new ClassPrompts("b", List.of()))).get("b"));
        SourceException missing = assertThrows(SourceException.class,
                () -> s.scores(dir.resolve("x.png"), List.of(new ClassPrompts("c", List.of()))));
        assertTrue(missing.getMessage().contains("class 'c'"), missing.getMessage());
        assertThrows(SourceException.class, () -> s.scores(dir.resolve("z.png"), List.of()));
    }

    @Test
    void embeddingsByKindAndKey() throws Exception {
        Path f = Fixtures.text(dir.resolve("e.csv"), "kind,key,e0,e1\nimage,a.png,1,0\ntext,\"a, b\",0,1\n");
        CsvEmbeddingSource s = CsvEmbeddingSource.read(f);
        assertArrayEquals(new float[] {1, 0}, s.embedImage(dir.resolve("a.png")));
        assertArrayEquals(new float[] {0, 1}, s.embedText("a, b"));
        assertThrows(SourceException.class, () -> s.embedText("other"));
        Path bad = Fixtures.text(dir.resolve("bad.csv"), "kind,key,e0\nvideo,a,1\nimage,b,x\n");
        ManifestException e = assertThrows(ManifestException.class, () -> CsvEmbeddingSource.read(bad));
        assertEquals(3, e.problems().size(), e.getMessage());
    }

    @Test
    void masksAndHeatMapsFromPng() throws Exception {
        Fixtures.png(dir.resolve("m.png"), 3, 2, (x, y) -> x == 1 ? 7 : 0);
        Fixtures.png(dir.resolve("h.png"), 3, 2, (x, y) -> 10 * x + y);
        Fixtures.text(dir.resolve("masks.csv"), "image,mask,class\ni.png,m.png,lung\n");
        BinaryMask m = CsvMaskSource.read(dir.resolve("masks.csv"), new ImageIoFiles()).mask(dir.resolve("i.png"), "lung");
        assertEquals(2, m.count());
        assertEquals(4, new ImageIoFiles().read(dir.resolve("m.png"), 0).count(), "label 0 selects the background");
        Fixtures.text(dir.resolve("maps.csv"), "image,query,heatmap\ni.png,q,h.png\n");
        var map = CsvHeatMapSource.read(dir.resolve("maps.csv")).heatMap(dir.resolve("i.png"), "q");
        assertEquals(21f, map.get(2, 1));
        assertThrows(SourceException.class,
                () -> CsvHeatMapSource.read(dir.resolve("maps.csv")).heatMap(dir.resolve("i.png"), "other"));
    }
}
