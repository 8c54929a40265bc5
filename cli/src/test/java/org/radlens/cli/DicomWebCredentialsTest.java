package org.radlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radlens.dicomio.web.Auth;

/** Which environment variables give which authentication, and the mistakes that are refused. */
class DicomWebCredentialsTest {
    @Test
    void environmentVariants() {
        assertEquals(Auth.basic("u", "p:w").header(), DicomWebCredentials.resolve(null, null,
                Map.of("RADLENS_DICOMWEB_CREDENTIALS", "u:p:w")).header(), "the first ':' splits user from password");
        assertEquals(Auth.basic("u", "pw").header(), DicomWebCredentials.resolve(null, null,
                Map.of("RADLENS_DICOMWEB_USER", "u", "RADLENS_DICOMWEB_PASSWORD", "pw")).header());
        assertEquals(Auth.bearer("tok").header(), DicomWebCredentials.resolve(null, "MY_TOKEN",
                Map.of("MY_TOKEN", "tok\n", "RADLENS_DICOMWEB_CREDENTIALS", "u:p")).header(), "--token-env first");
        assertEquals(Auth.none().header(), DicomWebCredentials.resolve(null, null, Map.of()).header());
    }

    @Test
    void mistakesAreNamed() {
        assertEquals("RADLENS_DICOMWEB_USER is set but RADLENS_DICOMWEB_PASSWORD is not",
                assertThrows(IllegalArgumentException.class, () -> DicomWebCredentials.resolve(null, null,
                        Map.of("RADLENS_DICOMWEB_USER", "u"))).getMessage());
        assertEquals("RADLENS_DICOMWEB_CREDENTIALS: expected user:password",
                assertThrows(IllegalArgumentException.class, () -> DicomWebCredentials.resolve(null, null,
                        Map.of("RADLENS_DICOMWEB_CREDENTIALS", "nocolon"))).getMessage());
        assertEquals("give --credentials-file or --token-env, not both",
                assertThrows(IllegalArgumentException.class, () -> DicomWebCredentials.resolve(Path.of("f"), "T",
                        Map.of())).getMessage());
    }
}
