package org.radlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileInputsTest {
    @TempDir
    Path tmp;

    List<String> ids(List<String> inputs, Path exclude) throws IOException {
        return FileInputs.expand(inputs, exclude).stream().map(FileInputs.Item::id).toList();
    }

    @Test
    void foldersGlobsAndFilesGiveRelativeSortedIds() throws IOException {
        Files.createDirectories(tmp.resolve("in/a"));
        Files.createDirectories(tmp.resolve("in/out"));
        for (String f : List.of("in/a/2.dcm", "in/a/1.png", "in/b.dcm", "in/.hidden", "in/out/results.csv")) {
            Files.writeString(tmp.resolve(f), "x");
        }
        assertEquals(List.of("a/1.png", "a/2.dcm", "b.dcm"), ids(List.of(tmp.resolve("in").toString()),
                tmp.resolve("in/out")));
        assertEquals(List.of("a/2.dcm", "b.dcm"), ids(List.of(tmp.resolve("in") + "/**.dcm"), null));
        assertEquals(List.of("b.dcm"), ids(List.of(tmp.resolve("in/b.dcm").toString(),
                tmp.resolve("in/b.dcm").toString()), null));
    }

    @Test
    void foldersSkipFilesThatAreRecognisablyNotImagesButKeepPossiblyCorruptOnes() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (String f : List.of("README.md", "make.py", "broken.dcm", "IM0001", "scan.png")) {
            Files.writeString(in.resolve(f), "not an image");
        }
        Files.copy(Path.of("../samples/kermany-normal-IM-0001-0001.jpg"), in.resolve("photo.jpeg.bak"));
        assertEquals(List.of("IM0001", "broken.dcm", "photo.jpeg.bak", "scan.png"), ids(List.of(in.toString()), null));
        assertEquals(List.of("README.md"), ids(List.of(in.resolve("README.md").toString()), null),
                "a file named on the command line is always an item");
    }

    @Test
    void missingInputNamesIt() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> FileInputs.expand(List.of(tmp.resolve("nope").toString()), null));
        assertEquals(tmp.resolve("nope").toString(), e.getFile());
    }
}
