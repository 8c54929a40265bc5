package org.radlens.dicomio.dimse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PS3.8 §9.3 byte layouts: our A-ASSOCIATE-RQ, A-ASSOCIATE-RJ, and hostile or truncated PDUs. */
class AssociatePdusTest {
    static final List<AssociatePdus.Proposal> ECHO = List.of(new AssociatePdus.Proposal(1, "1.2.840.10008.1.1",
            List.of("1.2.840.10008.1.2.1")));

    @Test
    void requestCarriesBothAeTitlesAndItsLength() throws IOException {
        byte[] rq = AssociatePdus.request("RADLENS", "MODALITY1", ECHO, 16384, "1.2.3", "RADLENS_TEST_IMPL_NAME");
        assertEquals(AssociatePdus.TYPE_RQ, rq[0]);
        assertEquals(rq.length - 6, ((rq[2] & 0xff) << 24) | ((rq[3] & 0xff) << 16) | ((rq[4] & 0xff) << 8)
                | (rq[5] & 0xff));
        assertEquals("RADLENS", AssociatePdus.calledAet(rq));
        assertEquals("MODALITY1", AssociatePdus.callingAet(rq));
        assertArrayEquals(rq, AssociatePdus.read(new ByteArrayInputStream(rq), 1 << 16), "read gives the whole PDU");
    }

    @Test
    void rejectIsPermanentFromTheServiceUser() {
        assertArrayEquals(new byte[]{3, 0, 0, 0, 0, 4, 0, 1, 1, 3}, AssociatePdus.reject(3));
        assertEquals("association rejected (permanent): calling AE title not recognized",
                AssociatePdus.describeReject(AssociatePdus.reject(AssociatePdus.REASON_CALLING_AET)));
    }

    @Test
    void hostilePdusAreIoErrors() {
        byte[] huge = {1, 0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        IOException big = assertThrows(IOException.class, () -> AssociatePdus.read(new ByteArrayInputStream(huge),
                1024));
        assertEquals("PDU type 0x1 of 2147483647 bytes, more than the 1024 allowed during association set-up",
                big.getMessage());
        assertThrows(EOFException.class, () -> AssociatePdus.calledAet(new byte[]{1, 0, 0, 0, 0, 4, 0, 1, 0, 0}));
        byte[] ac = AssociatePdus.request("A", "B", ECHO, 1, "1.2", "X");
        ac[0] = AssociatePdus.TYPE_AC;
        byte[] cut = Arrays.copyOf(ac, ac.length - 5);
        assertThrows(IOException.class, () -> AssociatePdus.accept(cut));
        assertThrows(IOException.class, () -> AssociatePdus.accept(new byte[20]));
    }
}
