package org.radlens.dicomio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.radlens.dicomio.codec.FrameLayout;

/**
 * The prescan reads the Image Pixel module as PixelMed's parse does: the decoder (and the grey fast path) chosen
 * before the one parse is the one the parsed header calls for. Deflated datasets are out of the walk's sight.
 */
class PixelModuleFactsTest {

    @Test
    void fixturesLayoutBeforeTheParseEqualsTheParsedHeaders() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(TestData.fixture("CT_small.dcm").getParent())) {
            s.filter(p -> p.toString().endsWith(".dcm")).sorted().forEach(files::add);
        }
        assertTrue(compare(files) >= 15, "pixel-data fixtures compared");
    }

    @Test
    @Tag("data")
    void sharedDataLayoutBeforeTheParseEqualsTheParsedHeaders() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(TestData.root().resolve("dicom"))) {
            s.filter(p -> Files.isRegularFile(p) && !p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        assertTrue(compare(files) >= 150, "pixel-data files compared");
    }

    @Test
    void stringAndDuplicateValuesAreReadAsPixelMedReadsThem() {
        PixelModuleFacts f = new PixelModuleFacts();
        f.see(0x00280010, "US", new byte[] {0x02, 0x00}, 0, 2, true);          // big endian 512
        f.see(0x00280011, "IS", "256 ".getBytes(), 0, 4, false);              // a string VR: parsed as text
        f.see(0x00280008, "IS", "3\\4".getBytes(), 0, 3, false);              // first value
        f.see(0x00280004, "CS", "RGB\0".getBytes(), 0, 4, false);
        f.see(0x00280002, null, new byte[] {3, 0}, 0, 2, false);             // implicit VR: US
        f.see(0x00280100, "US", new byte[] {8, 0}, 0, 2, false);
        f.see(0x00280100, "US", new byte[] {16, 0}, 0, 2, false);             // a later duplicate wins
        assertEquals(new FrameLayout("1.2", 512, 256, 3, 16, 0, 3, "RGB"), f.layout("1.2"));
        assertEquals(new FrameLayout("1.2", 0, 0, 1, 0, 0, 1, "MONOCHROME2"), new PixelModuleFacts().layout("1.2"));
    }

    /** Compares every readable, non-deflated file with pixel data; returns how many. */
    private static int compare(List<Path> files) throws IOException {
        int n = 0;
        for (Path f : files) {
            DicomPrescan.Result scan;
            DicomHeader h;
            try {
                scan = DicomPrescan.scan(f, Files.readAllBytes(f));
                h = DicomReader.readHeader(f);
            } catch (ImageReadException e) {
                continue; // refused before any decoder is chosen
            }
            if (!scan.hasPixelData() || TransferSyntax.DEFLATED_LE.uid().equals(scan.transferSyntaxUid())) {
                continue;
            }
            assertEquals(h.layout(), scan.layout(), f.toString());
            n++;
        }
        return n;
    }
}
