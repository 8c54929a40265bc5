package org.radlens.cli.score;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of a DICOMweb server that makes "something broke mid-store" deterministic: the
 * {@code n}-th STOW-RS (POST) is forwarded and stored, but its answer is never delivered. In {@link Mode#DROP} the
 * connection is dropped, and so is every later request until {@link #heal()}; in {@link Mode#HOLD} that request and
 * every later one hang until {@link #heal()} (or the client dies).
 */
final class CuttingProxy implements AutoCloseable {
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "http2-settings", "date", "via", "warning", "from", "referer", "transfer-encoding", "keep-alive");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final CountDownLatch cut = new CountDownLatch(1);
    private final CountDownLatch healed = new CountDownLatch(1);
    private final AtomicInteger posts = new AtomicInteger();
    private final int cutAtPost;
    private final Mode mode;
    private volatile boolean down;

    enum Mode { DROP, HOLD }

    CuttingProxy(URI target, int cutAtPost, Mode mode) throws IOException {
        this.target = target;
        this.cutAtPost = cutAtPost;
        this.mode = mode;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /** The target's URL with the proxy's port. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + target.getRawPath());
    }

    /** Waits until the cut STOW-RS has been stored and its answer withheld. */
    boolean awaitCut(long seconds) throws InterruptedException {
        return cut.await(seconds, TimeUnit.SECONDS);
    }

    /** Forwards requests again. */
    void heal() {
        down = false;
        healed.countDown();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (down && !waitForHealing()) {
                return; // closing the exchange before any response headers drops the connection
            }
            HttpResponse<byte[]> r = forward(ex);
            if ("POST".equals(ex.getRequestMethod()) && posts.incrementAndGet() == cutAtPost) {
                down = true;
                cut.countDown();
                if (!waitForHealing()) {
                    return; // stored on the server; the client never hears so
                }
            }
            r.headers().map().forEach((k, vs) -> {
                if (!k.startsWith(":") && !HOP_HEADERS.contains(k.toLowerCase(Locale.ROOT))) {
                    vs.forEach(v -> ex.getResponseHeaders().add(k, v));
                }
            });
            ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(r.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean waitForHealing() throws InterruptedException {
        return mode == Mode.HOLD && healed.await(120, TimeUnit.SECONDS);
    }

    private HttpResponse<byte[]> forward(HttpExchange ex) throws IOException, InterruptedException {
        byte[] body = ex.getRequestBody().readAllBytes();
        URI uri = URI.create(target.getScheme() + "://" + target.getRawAuthority()).resolve(ex.getRequestURI());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(ex.getRequestMethod(),
                body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders().forEach((k, vs) -> {
            if (!HOP_HEADERS.contains(k.toLowerCase(Locale.ROOT))) {
                vs.forEach(v -> b.header(k, v));
            }
        });
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
