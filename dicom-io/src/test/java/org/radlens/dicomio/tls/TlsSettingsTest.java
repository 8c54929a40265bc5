package org.radlens.dicomio.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.web.Auth;
import org.radlens.dicomio.web.DicomWebClient;
import org.radlens.dicomio.web.DicomWebException;

/**
 * https certificate verification of the DICOMweb client against a self-signed (test-CA) endpoint: refused by
 * default, without a retry; accepted with the CA as a PEM bundle; the wrong CA or a bad keystore password named.
 */
class TlsSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void selfSignedEndpointIsRefusedByDefaultAndAcceptedWithItsCaBundle() throws Exception {
        TestPki pki = TestPki.create(tmp.resolve("pki"));
        try (HttpsFixture https = new HttpsFixture(pki)) {
            DicomWebClient byDefault = new DicomWebClient(https.root(), Auth.none(), Duration.ofSeconds(10), 3,
                    Duration.ofMillis(10));
            DicomWebException e = assertThrows(DicomWebException.class,
                    () -> byDefault.searchInstances(null, Map.of("Modality", "DX")));
            assertTrue(e.getMessage().contains("TLS with 127.0.0.1:" + https.root().getPort() + " failed"),
                    e.getMessage());
            DicomWebClient otherCa = client(https, TlsSettings.trustingPem(pki.otherCa));
            assertThrows(DicomWebException.class, () -> otherCa.searchInstances(null, Map.of()));
            assertEquals(0, https.requests(), "no request may pass an untrusted handshake");
            DicomWebClient trusting = client(https, TlsSettings.trustingPem(pki.caPem));
            assertEquals(0, trusting.searchInstances(null, Map.of("Modality", "DX")).size());
            assertEquals(1, https.requests());
        }
    }

    @Test
    void badStoresAreNamed() throws Exception {
        TestPki pki = TestPki.create(tmp.resolve("pki"));
        IllegalArgumentException wrongPw = assertThrows(IllegalArgumentException.class,
                () -> TlsSettings.of(pki.serverP12, "nope".toCharArray(), null, null, false));
        assertTrue(wrongPw.getMessage().startsWith("keystore " + pki.serverP12 + ": cannot open it"),
                wrongPw.getMessage());
        Path notPem = Files.writeString(tmp.resolve("bundle.pem"), "-----BEGIN CERTIFICATE-----\nxx\n");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> TlsSettings.trustingPem(notPem));
        assertTrue(bad.getMessage().startsWith("CA bundle " + notPem), bad.getMessage());
        assertTrue(TlsSettings.PROTOCOLS.stream().allMatch(p -> p.equals("TLSv1.3") || p.equals("TLSv1.2")));
    }

    private static DicomWebClient client(HttpsFixture https, TlsSettings tls) {
        return new DicomWebClient(https.root(), Auth.none(), Duration.ofSeconds(10), 3, Duration.ofMillis(10), tls);
    }
}
