package org.radlens.dicomio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DicomPrescanTest {

    @Test
    void findsTheTransferSyntaxAndPixelData() throws IOException, CorruptFileException {
        Path f = TestData.fixture("MR_small_RLE.dcm");
        DicomPrescan.Result r = DicomPrescan.scan(f, Files.readAllBytes(f));
        assertEquals("1.2.840.10008.1.2.5", r.transferSyntaxUid());
        assertTrue(r.hasPreamble() && r.hasMeta() && r.hasPixelData());
    }

    @Test
    void absurdPixelDataLengthIsRefusedBeforeAnyAllocation() throws IOException {
        Path f = TestData.fixture("CT_small.dcm");
        byte[] b = Files.readAllBytes(f);
        int at = indexOfPixelDataHeader(b);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 8, 0x7FFFFFF0); // OW: 4-byte length at +8
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> DicomPrescan.scan(f, b));
        assertTrue(e.getMessage().contains("(7FE0,0010) declares 2147483632 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("CT_small.dcm"), e.getMessage());
    }

    @Test
    void textIsNotDicom() {
        assertThrows(CorruptFileException.class, () -> DicomPrescan.scan(Path.of("x.txt"),
                "just some words, nothing more, certainly not an image".repeat(4).getBytes()));
    }

    private static int indexOfPixelDataHeader(byte[] b) {
        for (int i = b.length - 12; i > 132; i--) {
            if (b[i] == (byte) 0xE0 && b[i + 1] == 0x7F && b[i + 2] == 0x10 && b[i + 3] == 0 && b[i + 4] == 'O') {
                return i;
            }
        }
        throw new IllegalStateException("no pixel data header");
    }
}
