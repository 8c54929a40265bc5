package org.radlens.dicomio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomCopiesTest {
    @TempDir
    Path tmp;

    @Test
    void copiesAreDistinctInstancesWithTheSamePixelsAndDeterministicUids() throws Exception {
        List<Path> a = DicomCopies.withNewUids(TestData.SAMPLE, tmp.resolve("a"), 3, "seed");
        List<Path> b = DicomCopies.withNewUids(TestData.SAMPLE, tmp.resolve("b"), 3, "seed");
        SourceImage original = SourceImage.read(TestData.SAMPLE);
        float[] pixels = DicomReader.readImage(TestData.SAMPLE).data();
        Set<String> sops = new HashSet<>();
        Set<String> studies = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            SourceImage c = SourceImage.read(a.get(i));
            sops.add(c.sopInstanceUid());
            studies.add(c.studyInstanceUid());
            assertNotEquals(original.sopInstanceUid(), c.sopInstanceUid());
            assertEquals(original.sopClassUid(), c.sopClassUid());
            assertEquals(c.sopInstanceUid(), SourceImage.read(b.get(i)).sopInstanceUid(), "same seed, same UIDs");
            assertArrayEquals(pixels, DicomReader.readImage(a.get(i)).data(), 0f);
        }
        assertEquals(3, sops.size());
        assertEquals(3, studies.size());
        assertEquals("copy-00002.dcm", a.get(2).getFileName().toString());
    }

    @Test
    void badInputsFailCleanly() throws Exception {
        assertThrows(IllegalArgumentException.class,
                () -> DicomCopies.withNewUids(TestData.SAMPLE, tmp, -1, "s"));
        Path junk = Files.writeString(tmp.resolve("junk.dcm"), "not dicom at all");
        assertThrows(ImageReadException.class, () -> DicomCopies.withNewUids(junk, tmp.resolve("o"), 1, "s"));
    }
}
