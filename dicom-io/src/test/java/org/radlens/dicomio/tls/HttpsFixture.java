package org.radlens.dicomio.tls;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny https DICOMweb endpoint on loopback (JDK {@code HttpsServer}) with the {@link TestPki} server certificate
 * (issued by the test CA, which no JDK trusts): every QIDO answers an empty result ({@code []}). Counts the requests
 * that got past the TLS handshake.
 */
public final class HttpsFixture implements AutoCloseable {
    private final HttpsServer server;
    private final AtomicInteger requests = new AtomicInteger();

    public HttpsFixture(TestPki pki) throws IOException {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(TestPki.settings(pki.serverP12, null, false).context()));
        server.createContext("/dicom-web/", ex -> {
            requests.incrementAndGet();
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/dicom+json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    /** The DICOMweb root, by IP address (the certificate names IP 127.0.0.1 and localhost). */
    public URI root() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/dicom-web/");
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
