package org.radlens.cli.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.cli.RadLens;
import org.radlens.dicomio.tls.HttpsFixture;
import org.radlens.dicomio.tls.TestPki;
import picocli.CommandLine;

/**
 * DICOMweb secrets never on the command line: credentials from the environment (child JVM) or an owner-only file
 * reach an Orthanc that requires authentication; {@code --user} and a group-readable file are usage errors; a
 * self-signed https endpoint is refused unless its CA is given with {@code --ca-bundle}.
 */
class DicomWebSecurityTest {
    static final String USER = "alice";
    static final String PASSWORD = "s3cret-pw";

    @TempDir
    Path tmp;

    @Test
    void credentialsFromEnvironmentOrOwnerOnlyFileReachOrthancAndArgvIsRefused() throws Exception {
        Path image = Fixtures.instances(tmp.resolve("fx"), 1).get(0);
        try (Orthanc orthanc = Orthanc.startWithUser(tmp.resolve("orthanc"), USER, PASSWORD)) {
            orthancUpload(orthanc, image);
            ChildRadLens env = ChildRadLens.start(tmp.resolve("env.log"),
                    Map.of("RADLENS_DICOMWEB_CREDENTIALS", USER + ":" + PASSWORD), args(orthanc, "env"));
            int exit = env.exit(180);
            Path envCsv = tmp.resolve("env/results.csv");   // on failure, the row says why the item failed
            assertEquals(0, exit, env.output() + (Files.exists(envCsv) ? Files.readString(envCsv) : ""));
            assertEquals(2, Files.readAllLines(tmp.resolve("env/results.csv")).size(), env.output());

            Path file = Files.writeString(tmp.resolve("dicomweb.cred"), USER + ":" + PASSWORD + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            assertEquals(0, run(new StringWriter(), args(orthanc, "file", "--credentials-file", file.toString())));
            assertEquals(2, Files.readAllLines(tmp.resolve("file/results.csv")).size());

            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
            StringWriter err = new StringWriter();
            assertEquals(2, run(err, args(orthanc, "open", "--credentials-file", file.toString())));
            assertTrue(err.toString().contains("is accessible by group or others (rw-r-----); run chmod 600"),
                    err.toString());

            err = new StringWriter();
            assertEquals(2, run(err, args(orthanc, "argv", "--user", USER + ":" + PASSWORD)));
            assertTrue(err.toString().contains("--user is refused") && err.toString().contains(
                    "RADLENS_DICOMWEB_CREDENTIALS") && err.toString().contains("--credentials-file"), err.toString());
            assertFalse(err.toString().contains(PASSWORD), "the refusal never repeats the password");

            err = new StringWriter();
            assertEquals(1, run(err, args(orthanc, "none")), "no credentials: Orthanc answers 401");
            assertTrue(err.toString().contains("HTTP 401"), err.toString());
        }
    }

    @Test
    void selfSignedHttpsIsRefusedWithoutCaBundleAndAcceptedWithIt() throws Exception {
        TestPki pki = TestPki.create(tmp.resolve("pki"));
        try (HttpsFixture https = new HttpsFixture(pki)) {
            StringWriter err = new StringWriter();
            assertEquals(1, run(err, "score", "--dicomweb", https.root().toString(), "--out",
                    tmp.resolve("default").toString(), "--retries", "2", "--backoff-ms", "10"));
            assertTrue(err.toString().contains("TLS with 127.0.0.1:" + https.root().getPort() + " failed"),
                    err.toString());
            assertEquals(0, https.requests(), "no request passed the untrusted handshake");
            err = new StringWriter();
            assertEquals(0, run(err, "score", "--dicomweb", https.root().toString(), "--out",
                    tmp.resolve("bundle").toString(), "--ca-bundle", pki.caPem.toString()), err.toString());
            assertEquals(2, https.requests(), "once the CA is trusted: one QIDO per modality (CR, DX), no instances");
        }
    }

    private static String[] args(Orthanc orthanc, String out, String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("score", "--dicomweb", orthanc.dicomWeb().toString(),
                "--out", orthanc.dir.resolveSibling(out).toString(), "--workers", "1", "--retries", "0"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cl = RadLens.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static void orthancUpload(Orthanc orthanc, Path image) throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + orthanc.httpPort + "/instances"))
                .header("Authorization", org.radlens.dicomio.web.Auth.basic(USER, PASSWORD).header().orElseThrow())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofFile(image)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }
}
