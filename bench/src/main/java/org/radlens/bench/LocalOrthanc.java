package org.radlens.bench;

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
 * A throw-away Orthanc (Debian {@code orthanc} + {@code orthanc-dicomweb}) for benchmarks and tests: free loopback
 * ports chosen at construction, storage in {@code dir/storage}, remote access off, DICOMweb at {@code /dicom-web/}.
 * {@link #stop()} kills the server (the storage stays, so {@link #start()} brings the same archive back);
 * {@link #close()} stops it for good.
 *
 * <pre>{@code
 * try (LocalOrthanc o = LocalOrthanc.start(tmp, "{}", null)) { o.upload(file); client = ...(o.dicomWeb()); }
 * }</pre>
 */
public final class LocalOrthanc implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/Orthanc");
    public static final Path PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");

    private final Path dir;
    private final int httpPort;
    private final int dicomPort;
    private final String modalities;
    private final String users;
    private Process process;

    private LocalOrthanc(Path dir, String modalities, String users) throws IOException {
        this.dir = dir;
        this.httpPort = freePort();
        this.dicomPort = freePort();
        this.modalities = modalities;
        this.users = users;
    }

    /** Null when Orthanc and its DICOMweb plugin are installed, else why not (with the Debian package names). */
    public static String missing() {
        return Files.isExecutable(BINARY) && Files.exists(PLUGIN) ? null
                : "Orthanc not installed (Debian orthanc, orthanc-dicomweb: " + BINARY + ", " + PLUGIN + ")";
    }

    /**
     * Starts a new Orthanc in {@code dir}; {@code modalities} is the JSON of DicomModalities (e.g. {@code {}}),
     * {@code users} the JSON of RegisteredUsers or null for no authentication.
     */
    public static LocalOrthanc start(Path dir, String modalities, String users)
            throws IOException, InterruptedException {
        if (missing() != null) {
            throw new IOException(missing());
        }
        LocalOrthanc o = new LocalOrthanc(dir, modalities, users);
        o.start();
        return o;
    }

    /** (Re)starts the server on the same ports and storage; waits up to 20 s for its REST API. */
    public void start() throws IOException, InterruptedException {
        Path storage = Files.createDirectories(dir.resolve("storage"));
        String config = "{\"Name\": \"radlens-local\", \"StorageDirectory\": \"" + storage
                + "\", \"IndexDirectory\": \"" + storage + "\", \"Plugins\": [\"" + PLUGIN + "\"], \"HttpPort\": "
                + httpPort + ", \"DicomPort\": " + dicomPort + ", \"DicomAet\": \"ORTHANC\", "
                + "\"RemoteAccessAllowed\": false, "
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
                Thread.sleep(100); // not listening yet
            }
        }
        stop();
        throw new IOException("Orthanc did not answer in 20 s; see " + dir);
    }

    public Path dir() {
        return dir;
    }

    public int httpPort() {
        return httpPort;
    }

    public int dicomPort() {
        return dicomPort;
    }

    public URI dicomWeb() {
        return URI.create("http://127.0.0.1:" + httpPort + "/dicom-web/");
    }

    /** GET of an Orthanc REST path such as {@code /system} (a new client per call: no stale pooled connection). */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Stores one DICOM file through the REST API ({@code POST /instances}). */
    public void upload(Path dicom) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/instances"))
                .POST(HttpRequest.BodyPublishers.ofFile(dicom)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("upload of " + dicom + " to Orthanc: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /** Kills the server (the archive stays on disk). */
    public void stop() throws InterruptedException {
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

    /** A TCP port that was free on this machine a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
