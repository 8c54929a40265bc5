package org.radlens.dicomio.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a small in-process HTTP server: auth headers, retries on 503, no retry on 404, multipart. */
class DicomWebClientTest {
    HttpServer server;
    final List<String> authHeaders = new CopyOnWriteArrayList<>();
    final List<String> acceptHeaders = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger dropsLeft = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/dw/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dw");
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        authHeaders.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
        acceptHeaders.add(String.valueOf(ex.getRequestHeaders().getFirst("Accept")));
        String path = ex.getRequestURI().getPath();
        if (dropsLeft.getAndDecrement() > 0) {
            ex.close(); // no answer: the connection is closed, as a server does with an idle kept-alive one
            return;
        }
        byte[] body;
        int status = 200;
        if (failuresLeft.getAndDecrement() > 0) {
            status = 503;
            body = new byte[0];
        } else if (path.endsWith("/instances")) {
            body = ("[{\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2\"]},\"0020000E\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]},"
                    + "\"00080018\":{\"vr\":\"UI\",\"Value\":[\"1.2.3.4\"]}}]").getBytes(StandardCharsets.UTF_8);
        } else if (path.endsWith("/studies") && "POST".equals(ex.getRequestMethod())) {
            ex.getRequestBody().readAllBytes();
            body = "{}".getBytes(StandardCharsets.UTF_8);
        } else if (path.contains("/instances/bad-")) {
            String[] answer = MALFORMED.get(path.substring(path.lastIndexOf('/') + 1));
            ex.getResponseHeaders().add("Content-Type", answer[0]);
            body = answer[1].getBytes(StandardCharsets.ISO_8859_1);
        } else if (path.contains("/instances/1.2.3.4")) {
            ex.getResponseHeaders().add("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=b0");
            body = Multipart.build(List.of(new byte[]{1, 2, 3, '\r', '\n', 4}), "b0");
        } else {
            status = 404;
            body = new byte[0];
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    /** Malformed WADO-RS answers: Content-Type and body. */
    static final Map<String, String[]> MALFORMED = Map.of(
            "bad-type", new String[]{"application/dicom+json", "[]"},
            "bad-boundary", new String[]{"multipart/related; type=\"application/dicom\"", "--b0\r\n\r\nA\r\n--b0--"},
            "bad-cut", new String[]{"multipart/related; boundary=b0", "--b0\r\n\r\nABCDEFGH"},
            "bad-part", new String[]{"multipart/related; boundary=b0", "--b0\r\nContent-Type: text/plain\r\n\r\nA\r\n--b0--"},
            "bad-two", new String[]{"multipart/related; boundary=b0", "--b0\r\n\r\nA\r\n--b0\r\n\r\nB\r\n--b0--"},
            "bad-none", new String[]{"multipart/related; boundary=b0", "--b0--\r\n"});

    DicomWebClient client(Auth auth, int retries) {
        return new DicomWebClient(root(), auth, Duration.ofSeconds(5), retries, Duration.ofMillis(10));
    }

    @Test
    void searchesAndRetrievesWithBasicAuth() throws IOException {
        DicomWebClient c = client(Auth.basic("u", "p"), 0);
        List<InstanceRef> refs = c.searchInstances(null, Map.of("Modality", "DX"));
        assertEquals(List.of(new InstanceRef("1.2", "1.2.3", "1.2.3.4")), refs);
        assertArrayEquals(new byte[]{1, 2, 3, '\r', '\n', 4}, c.retrieve(refs.get(0)));
        assertTrue(authHeaders.stream().allMatch("Basic dTpw"::equals), authHeaders.toString());
        assertEquals("multipart/related; type=\"application/dicom\"; transfer-syntax=*", acceptHeaders.get(1),
                "WADO-RS asks for the instance as stored (no transcoding by the server)");
    }

    @Test
    void retriesServerErrorsWithBearerToken() throws IOException {
        failuresLeft.set(2);
        assertEquals(1, client(Auth.bearer("tok"), 3).searchInstances("1.2", Map.of()).size());
        assertEquals(3, requests.get());
        assertTrue(authHeaders.stream().allMatch("Bearer tok"::equals));
    }

    @Test
    void givesUpAfterRetriesAndDoesNotRetryClientErrors() {
        failuresLeft.set(10);
        DicomWebException e = assertThrows(DicomWebException.class, () -> client(Auth.none(), 2).exists("1", "2"));
        assertEquals(503, e.status());
        assertEquals(3, requests.get());
        failuresLeft.set(0);
        DicomWebException notFound = assertThrows(DicomWebException.class,
                () -> client(Auth.none(), 5).retrieve(new InstanceRef("9", "9", "9")));
        assertEquals(404, notFound.status());
        assertEquals(4, requests.get());
        assertTrue(Auth.basic("u", "secret").toString().equals("Basic ***"));
    }

    @Test
    void retrievesIntoAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws IOException {
        java.nio.file.Path f = tmp.resolve("x.dcm");
        java.nio.file.Files.write(f, new byte[100]); // replaced, not appended to
        assertEquals(6, client(Auth.none(), 0).retrieve(new InstanceRef("1.2", "1.2.3", "1.2.3.4"), f));
        assertArrayEquals(new byte[]{1, 2, 3, '\r', '\n', 4}, java.nio.file.Files.readAllBytes(f));
    }

    @Test
    void malformedAnswersAreClearErrorsNamingTheInstanceAndAreNotRetried() {
        Map<String, String> expected = Map.of(
                "bad-type", "the answer is 'application/dicom+json', not multipart/related",
                "bad-boundary", "no usable boundary in the answer's Content-Type 'multipart/related; "
                        + "type=\"application/dicom\"'",
                "bad-cut", "malformed multipart answer: truncated: the body ends inside part 1 (no closing delimiter)",
                "bad-part", "the part is 'text/plain', not application/dicom",
                "bad-two", "expected 1 part, got more",
                "bad-none", "expected 1 part, got 0");
        expected.forEach((uid, what) -> {
            int before = requests.get();
            DicomWebException e = assertThrows(DicomWebException.class,
                    () -> client(Auth.none(), 3).retrieve(new InstanceRef("1", "2", uid)));
            assertEquals("WADO-RS studies/1/series/2/instances/" + uid + ": " + what, e.getMessage());
            assertEquals(200, e.status());
            assertEquals(before + 1, requests.get(), uid + " was retried");
        });
    }

    @Test
    void aConnectionLostOnTheFirstAttemptIsRetriedAtOnceEvenForAPost() {
        dropsLeft.set(1);
        DicomWebClient patient = new DicomWebClient(root(), Auth.none(), Duration.ofSeconds(5), 2, Duration.ofHours(1));
        // with the hour-long backoff, a paused retry would not end within the limit
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> patient.store(List.of(new byte[]{1, 2, 3})));
        assertEquals(2, requests.get());
        dropsLeft.set(2);
        DicomWebException e = assertThrows(DicomWebException.class, () -> client(Auth.none(), 1).store(List.of()));
        assertTrue(e.getMessage().startsWith("POST studies: failed after 2 attempts"), e.getMessage());
    }
}
