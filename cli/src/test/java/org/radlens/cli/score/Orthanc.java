package org.radlens.cli.score;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.radlens.bench.LocalOrthanc;

/**
 * The tests' view of {@link LocalOrthanc}: skips (JUnit assumption) when Debian {@code orthanc} /
 * {@code orthanc-dicomweb} are missing, and exposes the ports as fields.
 */
final class Orthanc implements AutoCloseable {
    final Path dir;
    final int httpPort;
    final int dicomPort;
    private final LocalOrthanc server;

    private Orthanc(LocalOrthanc server) {
        this.server = server;
        this.dir = server.dir();
        this.httpPort = server.httpPort();
        this.dicomPort = server.dicomPort();
    }

    static void assumeInstalled() {
        assumeTrue(LocalOrthanc.missing() == null, LocalOrthanc.missing() + ": run ./bootstrap --test-tools");
    }

    /** Starts a new Orthanc; {@code modalities} is the JSON of DicomModalities, e.g. {@code {"rl": [...]}}. */
    static Orthanc start(Path dir, String modalities) throws IOException, InterruptedException {
        assumeInstalled();
        return new Orthanc(LocalOrthanc.start(dir, modalities, null));
    }

    /** An Orthanc that requires HTTP basic authentication as {@code user}/{@code password}. */
    static Orthanc startWithUser(Path dir, String user, String password) throws IOException, InterruptedException {
        assumeInstalled();
        return new Orthanc(LocalOrthanc.start(dir, "{}", "{\"" + user + "\": \"" + password + "\"}"));
    }

    void start() throws IOException, InterruptedException {
        server.start();
    }

    URI dicomWeb() {
        return server.dicomWeb();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return server.get(path);
    }

    void upload(Path dicom) throws IOException, InterruptedException {
        server.upload(dicom);
    }

    void stop() throws InterruptedException {
        server.stop();
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }

    static int freePort() throws IOException {
        return LocalOrthanc.freePort();
    }
}
