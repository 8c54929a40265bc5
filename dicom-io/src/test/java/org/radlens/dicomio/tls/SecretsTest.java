package org.radlens.dicomio.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets come from env:VAR or an owner-only file:PATH; a bare secret or a group/world-readable file is refused. */
class SecretsTest {
    @TempDir
    Path tmp;

    @Test
    void environmentVariable() {
        assertArrayEquals("pw".toCharArray(), Secrets.password("env:PW", Map.of("PW", "pw"), "--x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Secrets.password("env:NOPE", Map.of(), "--x"));
        assertEquals("--x: environment variable NOPE is not set", e.getMessage());
    }

    @Test
    void ownerOnlyFileIsReadAndAGroupReadableOneRefused() throws Exception {
        Path f = Files.writeString(tmp.resolve("pw"), "s3cret\nignored\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        assertArrayEquals("s3cret".toCharArray(), Secrets.password("file:" + f, Map.of(), "--x"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Secrets.password("file:" + f, Map.of(), "--x"));
        assertTrue(e.getMessage().contains("accessible by group or others (rw-r--r--); run chmod 600 " + f),
                e.getMessage());
    }

    @Test
    void aSecretInPlaceOfASourceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Secrets.password("hunter2", Map.of(), "--tls-keystore-password"));
        assertTrue(e.getMessage().startsWith("--tls-keystore-password takes env:VARIABLE or file:PATH"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("hunter2"), "the message never repeats the secret");
    }
}
