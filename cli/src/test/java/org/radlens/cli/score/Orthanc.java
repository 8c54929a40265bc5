package org.radlens.cli.score;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away Orthanc (Debian {@code orthanc} + {@code orthanc-dicomweb}) for tests: free ports chosen at start,
 * storage in a temp folder, loopback-only use, DICOMweb at {@code /dicom-web/}. {@link #stop()} kills it (the storage
 * stays, so {@link #start()} brings the same archive back); {@link #close()} stops it for good. Tests skip when the
 * Debian packages are missing.
 */
final class Orthanc implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/Orthanc");
    static final Path PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");

    final Path dir;
    final int httpPort;
    final int dicomPort;
    private final String modalities;
    private final String users;
    private Process process;

    private Orthanc(Path dir, String modalities, String users) throws IOException {
        this.dir = dir;
        this.httpPort = freePort();
        this.dicomPort = freePort();
        this.modalities = modalities;
        this.users = users;
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(BINARY) && Files.exists(PLUGIN),
                "Orthanc with the DICOMweb plugin is not installed (Debian orthanc, orthanc-dicomweb): "
                        + "run ./bootstrap --test-tools");
    }

    /** Starts a new Orthanc; {@code modalities} is the JSON of DicomModalities, e.g. {@code {"rl": [...]}}. */
    static Orthanc start(Path dir, String modalities) throws IOException, InterruptedException {
        assumeInstalled();
        Orthanc o = new Orthanc(dir, modalities, null);
        o.start();
        return o;
    }

    /** An Orthanc that requires HTTP basic authentication as {@code user}/{@code password}. */
    static Orthanc startWithUser(Path dir, String user, String password) throws IOException, InterruptedException {
        assumeInstalled();
        Orthanc o = new Orthanc(dir, "{}", "{\"" + user + "\": \"" + password + "\"}");
        o.start();
        return o;
    }

    void start() throws IOException, InterruptedException {
        Path storage = Files.createDirectories(dir.resolve("storage"));
        String config = "{\"Name\": \"radlens-test\", \"StorageDirectory\": \"" + storage + "\", \"IndexDirectory\": \""
                + storage + "\", \"Plugins\": [\"" + PLUGIN + "\"], \"HttpPort\": " + httpPort + ", \"DicomPort\": "
                + dicomPort + ", \"DicomAet\": \"ORTHANC\", \"RemoteAccessAllowed\": false, "
                + (users == null ? "\"AuthenticationEnabled\": false, "
                        : "\"AuthenticationEnabled\": true, \"RegisteredUsers\": " + users + ", ")
                + "\"DicomAlwaysAllowEcho\": true, \"DicomAlwaysAllowStore\": true, "
                + "\"DicomCheckCalledAet\": false, \"DicomModalities\": " + modalities + ", "
                + "\"DicomWeb\": {\"Enable\": true, \"Root\": \"/dicom-web/\"}}";
        Path cfg = dir.resolve("orthanc.json");
        Files.writeString(cfg, config);
        process = new ProcessBuilder(BINARY.toString(), "--logfile=" + dir.resolve("orthanc.log"), cfg.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("orthanc.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Orthanc exited with " + process.exitValue() + "; see " + dir);
            }
            try {
                int status = get("/system").statusCode();
                if (status == 200 || (users != null && status == 401)) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IOException("Orthanc did not answer in 20 s; see " + dir);
    }

    URI dicomWeb() {
        return URI.create("http://127.0.0.1:" + httpPort + "/dicom-web/");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    void upload(Path dicom) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/instances"))
                .POST(HttpRequest.BodyPublishers.ofFile(dicom)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("upload of " + dicom + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /** Kills the server (the archive stays on disk). */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
