package org.radlens.dicomio.tls;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PKI made by openssl at test time in a temp folder: a CA, a node certificate for {@code localhost} /
 * {@code 127.0.0.1} ("server", usable as TLS server and client, as one DICOM node's certificate is) and a client-only
 * certificate, each as PEM key + certificate and as a PKCS12 keystore (password
 * {@link #PASSWORD}), plus a second, unrelated CA ({@link #otherCa}) for "untrusted" cases. P-256 keys (fast).
 * Tests skip (JUnit assumption) where openssl is missing.
 */
public final class TestPki {
    public static final String PASSWORD = "test-store-pw";
    public final Path dir;
    public final Path caPem;
    public final Path otherCa;
    public final Path serverKey;
    public final Path serverPem;
    public final Path serverP12;
    public final Path clientKey;
    public final Path clientPem;
    public final Path clientP12;

    private TestPki(Path dir) {
        this.dir = dir;
        this.caPem = dir.resolve("ca.pem");
        this.otherCa = dir.resolve("other-ca.pem");
        this.serverKey = dir.resolve("server.key");
        this.serverPem = dir.resolve("server.pem");
        this.serverP12 = dir.resolve("server.p12");
        this.clientKey = dir.resolve("client.key");
        this.clientPem = dir.resolve("client.pem");
        this.clientP12 = dir.resolve("client.p12");
    }

    /** Creates the CA and both certificates in {@code dir}. */
    public static TestPki create(Path dir) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl not installed");
        TestPki p = new TestPki(Files.createDirectories(dir));
        p.selfSigned("ca", "RadLens Test CA");
        p.selfSigned("other-ca", "Someone Else's CA");
        p.issue("server", "localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                + "extendedKeyUsage=serverAuth,clientAuth\n"); // a DICOM node's certificate serves both ways
        p.issue("client", "RADLENS-TEST-CLIENT", "extendedKeyUsage=clientAuth\n");
        return p;
    }

    /** A {@link TlsSettings} with our keystore (or none) trusting {@code trust} (a PEM file). */
    public static TlsSettings settings(Path keystoreP12, Path trust, boolean requireClientCert) {
        return TlsSettings.of(keystoreP12, keystoreP12 == null ? null : PASSWORD.toCharArray(), trust, null,
                requireClientCert);
    }

    private void selfSigned(String name, String cn) throws IOException, InterruptedException {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".pem", "-days", "2", "-subj", "/CN=" + cn,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    }

    private void issue(String name, String cn, String extensions) throws IOException, InterruptedException {
        Files.writeString(dir.resolve(name + ".ext"), "basicConstraints=CA:FALSE\n"
                + "keyUsage=critical,digitalSignature,keyAgreement\n" + extensions);
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                name + ".key", "-out", name + ".csr", "-subj", "/CN=" + cn);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
        openssl("pkcs12", "-export", "-in", name + ".pem", "-inkey", name + ".key", "-certfile", "ca.pem",
                "-name", name, "-out", name + ".p12", "-passout", "pass:" + PASSWORD);
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
