package org.radlens.validation.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.validation.eval.Manifest;
import org.radlens.validation.eval.ManifestException;

class SuitesTest {
    @TempDir
    Path data;

    @Test
    void everyBuiltInSuiteLoads() throws IOException {
        assertEquals(List.of("kermany-zeroshot", "covid-notes-retrieval", "lung-segmentation", "lung-box-grounding"),
                Suites.names());
        for (String n : Suites.names()) {
            SuiteDefinition d = Suites.load(n);
            assertEquals(n, d.name());
            assertTrue(d.columns().containsKey("image"), n);
        }
        assertEquals(List.of("normal", "pneumonia"), Suites.load("kermany-zeroshot").classes());
        assertThrows(IOException.class, () -> Suites.load("nope"));
        assertThrows(IOException.class, () -> Suites.parse(new StringReader("{\"name\":\"x\",\"task\":\"dance\"}"), "x"));
    }

    @Test
    void adaptJoinsFiltersMapsAndDropsEmptyRows() throws Exception {
        Files.createDirectories(data.resolve("set"));
        Files.writeString(data.resolve("set/meta.csv"), "id,split,notes\na,test,\"hi, there\"\nb,train,x\nc,test,\n");
        Files.writeString(data.resolve("set/boxes.csv"), "id,image,label,x,y,w,h\n"
                + "a,set/a.png,left_lung,1,2,3,4\nb,set/b.png,right_lung,1,2,3,4\nc,set/c.png,right_lung,5,6,7,8\n");
        SuiteDefinition d = Suites.parse(new StringReader("""
                {"name": "t", "task": "grounding", "manifest": "set/boxes.csv",
                 "join": {"manifest": "set/meta.csv", "on": "id", "columns": ["split", "notes"]},
                 "filter": {"split": ["test"]},
                 "columns": {"image": "image", "query": "label", "x": "x", "y": "y", "w": "w", "h": "h", "text": "notes"},
                 "values": {"query": {"left_lung": "left lung"}},
                 "constants": {"kind": "box"},
                 "require_nonempty": ["text"]}"""), "t");
        Manifest m = SuiteManifests.adapt(d, data);
        assertEquals(1, m.rows().size(), "b is train, c has no notes");
        Manifest.Row r = m.rows().get(0);
        assertEquals("left lung", r.get("query"));
        assertEquals("hi, there", r.get("text"));
        assertEquals("box", r.get("kind"));
        assertEquals(data.resolve("set/a.png").toAbsolutePath(), m.resolve(r.get("image")));
        assertEquals(List.of("image", "query", "x", "y", "w", "h", "text", "kind"), m.header());
    }

    @Test
    void joinReportsUnmatchedKeys() throws Exception {
        Files.writeString(data.resolve("meta.csv"), "id,split\na,test\n");
        Files.writeString(data.resolve("m.csv"), "id,image\na,a.png\nzz,b.png\n");
        SuiteDefinition d = Suites.parse(new StringReader("""
                {"name": "t", "task": "retrieval", "manifest": "m.csv",
                 "join": {"manifest": "meta.csv", "on": "id", "columns": ["split"]},
                 "columns": {"image": "image"}}"""), "t");
        ManifestException e = assertThrows(ManifestException.class, () -> SuiteManifests.adapt(d, data));
        assertTrue(e.getMessage().contains("line 3: id 'zz' not found"), e.getMessage());
    }
}
