package org.radlens.cli.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.cli.RadLens;
import org.radlens.dicomio.dimse.DimseClient;
import org.radlens.dicomio.dimse.DimseException;
import org.radlens.dicomio.dimse.RemoteAe;
import org.radlens.dicomio.tls.TestPki;
import org.radlens.dicomio.tls.TlsSettings;
import picocli.CommandLine;

/**
 * {@code radlens listen} as a hospital would run it: loopback by default, a calling-AE allow-list, DICOM TLS with a
 * test CA (keystore password from the environment), dcmtk's storescu/echoscu as senders and Orthanc as --dest; one
 * log line per stage without patient or instance identifiers.
 */
class ListenSecurityTest {
    @TempDir
    Path tmp;

    @Test
    void tlsListenerAdmitsOnlyAllowedCallersAndStillDeliversToOrthanc() throws Exception {
        assumeTrue(ExternalTool.onPath("storescu") && ExternalTool.onPath("echoscu"), "dcmtk not installed");
        TestPki pki = TestPki.create(tmp.resolve("pki"));
        Path image = Fixtures.instances(tmp.resolve("fx"), 1).get(0);
        int port = Orthanc.freePort();
        try (Orthanc orthanc = Orthanc.start(tmp.resolve("orthanc"), "{}")) {
            try (ChildRadLens listen = ChildRadLens.start(tmp.resolve("listen.log"),
                    Map.of("RADLENS_TLS_KEYSTORE_PASSWORD", TestPki.PASSWORD),
                    "listen", "--port", String.valueOf(port), "--allow-aet", "STORESCU,OTHER",
                    "--tls-keystore", pki.serverP12.toString(), "--tls-truststore", pki.caPem.toString(),
                    "--dest", "ORTHANC@127.0.0.1:" + orthanc.dicomPort, "--out", tmp.resolve("out").toString(),
                    "--stop-after", "1")) {
                deliverOverTls(listen, pki, port, image, orthanc);
            }
        }
    }

    private static void deliverOverTls(ChildRadLens listen, TestPki pki, int port, Path image, Orthanc orthanc)
            throws Exception {
        awaitTlsEcho(new RemoteAe("RADLENS", "127.0.0.1", port), TestPki.settings(pki.clientP12, pki.caPem,
                false), listen.process);
        String tls = String.join(" ", "+tls", pki.clientKey.toString(), pki.clientPem.toString(), "-pw", "+cf",
                pki.caPem.toString());
        ExternalTool.Result evil = ExternalTool.output(("echoscu " + tls + " -aet EVIL -aec RADLENS 127.0.0.1 "
                + port).split(" "));
        assertNotEquals(0, evil.exit());
        assertTrue(evil.text().toLowerCase().contains("calling ae title not recognized"), evil.text());
        assertNotEquals(0, ExternalTool.run("storescu", "-aet", "STORESCU", "-aec", "RADLENS", "127.0.0.1",
                String.valueOf(port), image.toString()), "plain TCP to the TLS port");
        assertEquals(0, ExternalTool.run(("storescu " + tls + " -aet STORESCU -aec RADLENS 127.0.0.1 " + port
                + " " + image).split(" ")));
        assertEquals(0, listen.exit(180), listen.output());
        assertEquals(1, orthanc.get("/instances").body().split(",").length, "the SR arrived in Orthanc");
        assertLogLines(listen.output(), port, image);
    }

    @Test
    void destTlsStoresResultsIntoATlsOnlyScp() throws Exception {
        assumeTrue(ExternalTool.onPath("storescu") && ExternalTool.onPath("storescp"), "dcmtk not installed");
        TestPki pki = TestPki.create(tmp.resolve("pki"));
        Path image = Fixtures.instances(tmp.resolve("fx"), 1).get(0);
        Path received = java.nio.file.Files.createDirectories(tmp.resolve("storescp"));
        int scpPort = Orthanc.freePort();
        int port = Orthanc.freePort();
        while (port == scpPort) { // both picked before either binds: the OS may hand out the same free port twice
            port = Orthanc.freePort();
        }
        Process scp = new ProcessBuilder("storescp", "+tls", pki.serverKey.toString(), pki.serverPem.toString(),
                "-pw", "+cf", pki.caPem.toString(), "-od", received.toString(), "-aet", "ARCHIVE",
                String.valueOf(scpPort)).redirectErrorStream(true).redirectOutput(tmp.resolve("scp.log").toFile())
                .start();
        try {
            awaitTlsEcho(new RemoteAe("ARCHIVE", "localhost", scpPort), TestPki.settings(pki.clientP12, pki.caPem,
                    false), scp);
            try (ChildRadLens listen = ChildRadLens.start(tmp.resolve("listen.log"),
                    Map.of("RADLENS_TLS_KEYSTORE_PASSWORD", TestPki.PASSWORD), "listen", "--port",
                    String.valueOf(port), "--dest", "ARCHIVE@localhost:" + scpPort, "--dest-tls", "--tls-keystore",
                    pki.serverP12.toString(), "--tls-client-cert", "none", "--tls-truststore", pki.caPem.toString(),
                    "--out", tmp.resolve("out").toString(), "--stop-after", "1")) {
                storeThroughListener(listen, pki, port, image, received, scpPort);
            }
        } finally {
            scp.destroy();
            scp.waitFor();
        }
    }

    private static void storeThroughListener(ChildRadLens listen, TestPki pki, int port, Path image, Path received,
                                             int scpPort) throws Exception {
        awaitTlsEcho(new RemoteAe("RADLENS", "127.0.0.1", port), TestPki.settings(null, pki.caPem, false),
                listen.process);
        assertEquals(0, ExternalTool.run(("storescu +tla +cf " + pki.caPem + " -aec RADLENS 127.0.0.1 " + port
                + " " + image).split(" ")), "anonymous TLS sender: --tls-client-cert none");
        assertEquals(0, listen.exit(180), listen.output());
        try (var files = java.nio.file.Files.list(received)) {
            assertEquals(1, files.count(), "the SR reached the TLS-only SCP:\n" + listen.output());
        }
        assertTrue(listen.output().contains("stored 1 object(s) to ARCHIVE@localhost:" + scpPort), listen.output());
    }

    private static void assertLogLines(String log, int port, Path image) throws Exception {
        assertTrue(log.contains("RADLENS on 127.0.0.1:" + port + ", TLS (TLSv1.3, TLSv1.2), certificate server.p12,"
                + " trusting ca.pem, client certificate required, calling AE titles OTHER, STORESCU; loopback only"),
                log);
        assertTrue(log.contains("refused: calling AE title 'EVIL' is not in the allow-list"), log);
        for (String line : List.of("#1 \\S+ uid~[0-9a-f]{8} received from STORESCU \\(\\d+ KB\\)",
                "#1 \\S+ uid~[0-9a-f]{8} scored in \\d+ ms",
                "#1 \\S+ uid~[0-9a-f]{8} stored 1 object\\(s\\) to ORTHANC@127.0.0.1:\\d+ in \\d+ ms")) {
            assertTrue(Pattern.compile(line).matcher(log).find(), line + " in\n" + log);
        }
        for (String identifier : ScoreDicomWebTest.pydicom(image, "d.SOPInstanceUID, d.StudyInstanceUID, "
                + "str(d.PatientName), d.PatientID").split(" ")) {
            assertTrue(identifier.length() < 3 || !log.contains(identifier), identifier + " is in the log");
        }
    }

    @Test
    void badSecurityOptionsAreUsageErrorsBeforeAnythingStarts() {
        Path out = tmp.resolve("out");
        assertUsage("takes env:VARIABLE or file:PATH", "--tls-keystore", "x.p12", "--tls-keystore-password",
                "hunter2", "--tls-truststore", "ca.pem");
        assertUsage("--tls-client-cert required needs --tls-truststore", "--tls-keystore", "x.p12");
        assertUsage("--tls-truststore needs --tls-keystore (TLS listener) or --dest-tls", "--tls-truststore",
                "ca.pem");
        assertUsage("--bind 999.1.1.1: not an address of this machine", "--bind", "999.1.1.1");
        assertFalse(out.toFile().exists(), "nothing written for a usage error");
    }

    private void assertUsage(String expected, String... options) {
        StringWriter err = new StringWriter();
        CommandLine cl = RadLens.commandLine();
        cl.setErr(new PrintWriter(err, true));
        List<String> args = new java.util.ArrayList<>(List.of("listen", "--port", "11112", "--out",
                tmp.resolve("out").toString()));
        args.addAll(List.of(options));
        assertEquals(2, cl.execute(args.toArray(String[]::new)), err.toString());
        assertTrue(err.toString().contains(expected), err.toString());
        assertFalse(err.toString().contains("hunter2"), "a secret is never echoed");
    }

    private static void awaitTlsEcho(RemoteAe peer, TlsSettings tls, Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            try {
                DimseClient.echo(peer, "OTHER", tls);
                return;
            } catch (DimseException e) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError(peer + " never answered a TLS C-ECHO", e);
                }
                Thread.sleep(200);
            }
        }
    }
}
