package org.radlens.models.pkg;

import org.junit.jupiter.api.Test;
import org.radlens.models.ModelLoadException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackageLimitsTest {
    @Test
    void sizesReadBytesAndBinaryUnits() {
        assertEquals(123, PackageLimits.parseSize("123"));
        assertEquals(64L << 10, PackageLimits.parseSize("64k"));
        assertEquals(512L << 20, PackageLimits.parseSize(" 512M "));
        assertEquals(6L << 30, PackageLimits.parseSize("6g"));
        for (String bad : new String[] {"", "g", "-1", "0", "2x", "1.5g", "99999999999999999g"}) {
            assertThrows(IllegalArgumentException.class, () -> PackageLimits.parseSize(bad), bad);
        }
    }

    @Test
    void defaultsAreTwoGibibytesAndPropertiesOverrideThem() throws Exception {
        String total = System.getProperty(PackageLimits.TOTAL_PROPERTY);
        String entry = System.getProperty(PackageLimits.ENTRY_PROPERTY);
        try {
            System.clearProperty(PackageLimits.TOTAL_PROPERTY);
            System.clearProperty(PackageLimits.ENTRY_PROPERTY);
            if (System.getenv(PackageLimits.TOTAL_ENV) == null && System.getenv(PackageLimits.ENTRY_ENV) == null) {
                assertEquals(new PackageLimits(2L << 30, 2L << 30), PackageLimits.standard());
            }
            System.setProperty(PackageLimits.TOTAL_PROPERTY, "3g");
            System.setProperty(PackageLimits.ENTRY_PROPERTY, "1g");
            assertEquals(new PackageLimits(1L << 30, 3L << 30), PackageLimits.standard());
            System.setProperty(PackageLimits.TOTAL_PROPERTY, "lots");
            String msg = assertThrows(ModelLoadException.class, PackageLimits::standard).getMessage();
            assertTrue(msg.startsWith("radlens.model.maxBytes: 'lots' is not a size"), msg);
        } finally {
            restore(PackageLimits.TOTAL_PROPERTY, total);
            restore(PackageLimits.ENTRY_PROPERTY, entry);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
