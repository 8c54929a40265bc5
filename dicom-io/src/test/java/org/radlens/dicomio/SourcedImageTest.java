package org.radlens.dicomio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SourcedImageTest {
    @Test
    void oneReadGivesTheSameImageAndSourceAsTwoSeparateReads() throws Exception {
        for (Path f : new Path[] {TestData.SAMPLE, TestData.fixture("CT_small.dcm"),
            TestData.fixture("MR_small_RLE.dcm")}) {
            SourcedImage both = DicomReader.readSourcedImage(f);
            assertArrayEquals(DicomReader.readImage(f).channel(0), both.image().channel(0), f.toString());
            SourceImage alone = SourceImage.read(f);
            assertEquals(alone.sopInstanceUid(), both.source().sopInstanceUid());
            assertEquals(alone.studyInstanceUid(), both.source().studyInstanceUid());
            assertEquals(alone.seriesInstanceUid(), both.source().seriesInstanceUid());
        }
        // no UIDs: refused like SourceImage.read (CorruptFileException naming the file)
        CorruptFileException e = assertThrows(CorruptFileException.class,
                () -> DicomReader.readSourcedImage(TestData.fixture("no_meta.dcm")));
        assertEquals(CorruptFileException.class, assertThrows(ImageReadException.class,
                () -> SourceImage.read(TestData.fixture("no_meta.dcm"))).getClass());
        assertEquals(true, e.getMessage().contains("no_meta.dcm"), e.getMessage());
    }
}
