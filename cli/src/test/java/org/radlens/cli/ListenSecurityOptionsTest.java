package org.radlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.dimse.ListenerSettings;

/** The listen defaults (loopback, any caller, plain), the allow-list file, and the warning for an open port. */
class ListenSecurityOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void defaultsAreLoopbackOnlyWithoutWarning() {
        ListenerSettings s = new ListenSecurityOptions().listener(11112, "RADLENS", Map.of());
        assertTrue(s.loopbackOnly(), s.bind().toString());
        assertEquals(Set.of(), s.allowedCallingAets());
        assertEquals(List.of("RADLENS on 127.0.0.1:11112, plain TCP, any calling AE title; loopback only: other "
                + "machines cannot connect (--bind ADDR to allow them)"), ListenSecurityOptions.describe(s));
    }

    @Test
    void allInterfacesWithoutTlsOrAllowListIsLoud() throws Exception {
        ListenerSettings open = new ListenerSettings(InetAddress.getByName("0.0.0.0"), 104, "RADLENS", Set.of(), null);
        List<String> lines = ListenSecurityOptions.describe(open);
        assertEquals("WARNING: 0.0.0.0:104 is open to other machines without TLS (images and results cross the "
                + "network in clear) and accepts any calling AE title: add --tls-keystore and --allow-aet",
                lines.get(1));
        ListenerSettings listed = new ListenerSettings(InetAddress.getByName("0.0.0.0"), 104, "RADLENS",
                Set.of("CR1"), null);
        assertTrue(ListenSecurityOptions.describe(listed).get(1).startsWith("WARNING: 0.0.0.0:104 is open to other "
                + "machines without TLS"), "an allow-list alone is not enough: AE titles are not authentication");
    }

    @Test
    void allowListFileAddsToTheOptionAndMustNotBeEmpty() throws Exception {
        ListenSecurityOptions o = new ListenSecurityOptions();
        o.allowAets = List.of("CR1");
        o.allowAetFile = Files.writeString(tmp.resolve("aets"), "# modalities\nDX2\n\n  PACS  # archive\n");
        assertEquals(Set.of("CR1", "DX2", "PACS"), o.listener(11112, "RADLENS", Map.of()).allowedCallingAets());
        o.allowAetFile = Files.writeString(tmp.resolve("empty"), "# nobody yet\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> o.listener(11112, "RADLENS", Map.of()));
        assertEquals("--allow-aet-file " + o.allowAetFile + " lists no AE title", e.getMessage());
    }
}
