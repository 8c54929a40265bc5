package org.radlens.dicomio.dimse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.tls.TestPki;
import org.radlens.dicomio.tls.TlsSettings;

/**
 * The listener's access control and DICOM TLS against real dcmtk peers (echoscu, storescu, storescp), all on
 * loopback, with a CA and certificates made by openssl for each test.
 */
class StorageReceiverTest {
    static final Path SAMPLE = Path.of("../samples/covid-notes-329_637.dcm").toAbsolutePath().normalize();
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path tmp;
    final List<String> callers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void tools() {
        Dcmtk.assumeInstalled();
    }

    @Test
    void unknownCallingAeIsRejectedAtAssociationTime() throws Exception {
        int port = freePort();
        try (StorageReceiver r = receiver(new ListenerSettings(LOOPBACK, port, "RADLENS", Set.of("MODALITY1"), null))) {
            assertTrue(r.localAddress().getAddress().isLoopbackAddress(), "bound to " + r.localAddress());
            Dcmtk.Result evil = echoscu(port, "EVIL", "RADLENS");
            assertNotEquals(0, evil.exit(), evil.output());
            assertTrue(evil.output().toLowerCase().contains("calling ae title not recognized"), evil.output());
            Dcmtk.Result good = echoscu(port, "MODALITY1", "RADLENS");
            assertEquals(0, good.exit(), good.output());
            DimseException e = assertThrows(DimseException.class,
                    () -> DimseClient.echo(new RemoteAe("RADLENS", "127.0.0.1", port), "EVIL"));
            assertTrue(e.getMessage().contains("calling AE title not recognized"), e.getMessage());
            Dcmtk.Result store = Dcmtk.run(List.of("storescu", "-aet", "EVIL", "-aec", "RADLENS", "127.0.0.1",
                    String.valueOf(port), SAMPLE.toString()));
            assertNotEquals(0, store.exit(), store.output());
            assertEquals(List.of(), callers, "nothing may be stored for a refused caller");
        }
    }

    @Test
    void wrongCalledAeIsRejected() throws Exception {
        int port = freePort();
        try (StorageReceiver r = receiver(new ListenerSettings(LOOPBACK, port, "RADLENS", Set.of(), null))) {
            Dcmtk.Result wrong = echoscu(port, "ANYONE", "NOTRADLENS");
            assertNotEquals(0, wrong.exit(), wrong.output());
            assertTrue(wrong.output().toLowerCase().contains("called ae title not recognized"), wrong.output());
            assertEquals(0, echoscu(port, "ANYONE", "RADLENS").exit(), "an empty allow-list admits any caller");
        }
    }

    @Test
    void tlsAssociationWithTestCaSucceedsAndPlainOneFails() throws Exception {
        TestPki pki = TestPki.create(tmp.resolve("pki"));
        int port = freePort();
        TlsSettings serverTls = TestPki.settings(pki.serverP12, pki.caPem, true);
        try (StorageReceiver r = receiver(new ListenerSettings(LOOPBACK, port, "RADLENS", Set.of(), serverTls))) {
            Dcmtk.Result tls = Dcmtk.run(tlsArgs("storescu", pki, port, SAMPLE.toString()));
            assertEquals(0, tls.exit(), tls.output());
            assertEquals(List.of("STORESCU"), callers);
            Dcmtk.Result plain = Dcmtk.run(List.of("storescu", "-aec", "RADLENS", "127.0.0.1", String.valueOf(port),
                    SAMPLE.toString()));
            assertNotEquals(0, plain.exit(), "a plain association to the TLS port must fail: " + plain.output());
            Dcmtk.Result noCert = Dcmtk.run(List.of("storescu", "+tla", "+cf", pki.caPem.toString(), "-aec",
                    "RADLENS", "127.0.0.1", String.valueOf(port), SAMPLE.toString()));
            assertNotEquals(0, noCert.exit(), "TLS without a client certificate must fail: " + noCert.output());
            DimseClient.store(new RemoteAe("RADLENS", "127.0.0.1", port), "RADLENS-SCU", List.of(SAMPLE),
                    TestPki.settings(pki.clientP12, pki.caPem, false));
            assertEquals(List.of("STORESCU", "RADLENS-SCU"), callers, "exactly the two TLS stores arrived");
        }
    }

    @Test
    void tlsListenerSpeaksTls12AndNewerOnly() throws Exception {
        TestPki pki = TestPki.create(tmp.resolve("pki"));
        int port = freePort();
        TlsSettings serverTls = TestPki.settings(pki.serverP12, pki.caPem, true);
        try (StorageReceiver r = receiver(new ListenerSettings(LOOPBACK, port, "RADLENS", Set.of(), serverTls))) {
            for (String version : List.of("-tls1_3", "-tls1_2")) {
                Dcmtk.Result ok = sClient(pki, port, version);
                assertTrue(ok.output().contains("Protocol version: TLSv1." + version.charAt(6)), ok.output());
            }
            Dcmtk.Result old = sClient(pki, port, "-tls1_1");
            assertTrue(old.output().contains("alert protocol version"), "the listener itself refuses TLS 1.1 "
                    + "(not the client): " + old.output());
        }
    }

    /** openssl s_client with our client certificate; security level 0 so that it may offer TLS 1.1 at all. */
    private static Dcmtk.Result sClient(TestPki pki, int port, String version) throws Exception {
        return Dcmtk.run(List.of("openssl", "s_client", "-brief", "-connect", "127.0.0.1:" + port, version,
                "-cipher", "DEFAULT@SECLEVEL=0", "-cert", pki.clientPem.toString(), "-key", pki.clientKey.toString(),
                "-CAfile", pki.caPem.toString()));
    }

    @Test
    void outgoingTlsStoreReachesDcmtkStorescpAndChecksItsCertificate() throws Exception {
        TestPki pki = TestPki.create(tmp.resolve("pki"));
        int port = freePort();
        Path received = Files.createDirectories(tmp.resolve("storescp"));
        List<String> cmd = new ArrayList<>(List.of("storescp", "+tls", pki.serverKey.toString(),
                pki.serverPem.toString(), "+cf", pki.caPem.toString(), "-pw", "-od", received.toString(),
                "-aet", "STORESCP", String.valueOf(port)));
        Process scp = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("storescp.log").toFile()).start();
        try {
            RemoteAe peer = new RemoteAe("STORESCP", "127.0.0.1", port);
            TlsSettings client = TestPki.settings(pki.clientP12, pki.caPem, false);
            awaitEcho(peer, client, scp);
            DimseClient.store(peer, "RADLENS", List.of(SAMPLE), client);
            try (var files = Files.list(received)) {
                assertEquals(1, files.count(), "storescp received the object over TLS");
            }
            DimseException untrusted = assertThrows(DimseException.class, () -> DimseClient.echo(peer, "RADLENS",
                    TestPki.settings(pki.clientP12, pki.otherCa, false)));
            assertTrue(untrusted.getMessage().startsWith("TLS connection to STORESCP@127.0.0.1"),
                    untrusted.getMessage());
            assertThrows(DimseException.class, () -> DimseClient.echo(peer, "RADLENS"), "plain TCP to a TLS SCP");
        } finally {
            scp.destroy();
            scp.waitFor();
        }
    }

    private StorageReceiver receiver(ListenerSettings s) throws IOException {
        return new StorageReceiver(s, tmp.resolve("in"), (file, caller) -> callers.add(caller));
    }

    private static Dcmtk.Result echoscu(int port, String calling, String called) throws Exception {
        return Dcmtk.run(List.of("echoscu", "-aet", calling, "-aec", called, "127.0.0.1", String.valueOf(port)));
    }

    private static List<String> tlsArgs(String tool, TestPki pki, int port, String file) {
        return List.of(tool, "+tls", pki.clientKey.toString(), pki.clientPem.toString(), "-pw", "+cf",
                pki.caPem.toString(), "-aec", "RADLENS", "127.0.0.1", String.valueOf(port), file);
    }

    private static void awaitEcho(RemoteAe peer, TlsSettings tls, Process scp) throws InterruptedException {
        for (int i = 0; ; i++) {
            try {
                DimseClient.echo(peer, "RADLENS", tls);
                return;
            } catch (DimseException e) {
                if (!scp.isAlive() || i > 300) {
                    throw new AssertionError("storescp +tls never answered C-ECHO", e);
                }
                Thread.sleep(100);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
