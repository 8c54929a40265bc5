package org.radlens.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.radlens.dicomio.ImageFiles;
import org.radlens.models.RadLensModel;
import org.radlens.volume3d.Image2D;

class ModelSessionTest {
    @Test
    void loadsOnceReusesAndReleasingDuringUseWaitsForTheLastLease() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        ModelSession s = new ModelSession(p -> {
            opened.incrementAndGet();
            return RadLensModel.open(Fixtures.TINY_MODEL);
        });
        Image2D img = ImageFiles.readImage2D(Fixtures.CXR_JPEG);
        try (ModelSession.Lease a = s.acquire(); ModelSession.Lease b = s.acquire()) {
            assertSame(a.model(), b.model());
            assertTrue(s.release());
            assertFalse(s.isLoaded());
            assertFalse(a.model().classifier().classify(img).isEmpty(), "still usable while leased");
        }
        try (ModelSession.Lease c = s.acquire()) {
            assertFalse(c.model().classifier().classify(img).isEmpty());
        }
        assertEquals(2, opened.get());
    }
}
