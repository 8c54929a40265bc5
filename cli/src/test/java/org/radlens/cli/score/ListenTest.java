package org.radlens.cli.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.cli.RadLens;
import org.radlens.dicomio.dimse.DimseClient;
import org.radlens.dicomio.dimse.DimseException;
import org.radlens.dicomio.dimse.RemoteAe;
import org.radlens.dicomio.web.Auth;
import org.radlens.dicomio.web.DicomWebClient;

/**
 * {@code radlens listen} between dcmtk's storescu / a real Orthanc (senders) and the same Orthanc (destination):
 * an uncompressed and a JPEG lossless object from storescu, one from Orthanc's C-STORE; three SRs and SEGs must arrive.
 */
class ListenTest {
    @TempDir
    Path tmp;

    @Test
    void scoresWhatArrivesAndStoresResultsInOrthanc() throws Exception {
        assumeTrue(ExternalTool.onPath("storescu") && ExternalTool.onPath("dcmcjpeg"),
                "dcmtk (storescu, dcmcjpeg) not installed: ./bootstrap --test-tools");
        List<Path> fx = Fixtures.instances(tmp.resolve("fx"), 3);
        Path jpeg = tmp.resolve("fx/jpeg.dcm");
        assertEquals(0, ExternalTool.run("dcmcjpeg", fx.get(1).toString(), jpeg.toString()));
        int listenPort = Orthanc.freePort();
        String modalities = "{\"radlens\": [\"RADLENS\", \"127.0.0.1\", " + listenPort + "]}";
        try (Orthanc orthanc = Orthanc.start(tmp.resolve("orthanc"), modalities)) {
            orthanc.upload(fx.get(2));
            Path out = tmp.resolve("out");
            CompletableFuture<Integer> listen = CompletableFuture.supplyAsync(() -> RadLens.commandLine().execute(
                    "listen", "--port", String.valueOf(listenPort), "--dest", "ORTHANC@127.0.0.1:" + orthanc.dicomPort,
                    "--out", out.toString(), "--segment", "--overlay-sc", "pneumonia", "--stop-after", "3"));
            awaitEcho(new RemoteAe("RADLENS", "127.0.0.1", listenPort));
            assertEquals(0, ExternalTool.run("storescu", "-aec", "RADLENS", "127.0.0.1", String.valueOf(listenPort),
                    fx.get(0).toString()));
            assertEquals(0, ExternalTool.run("storescu", "-xs", "-aec", "RADLENS", "127.0.0.1",
                    String.valueOf(listenPort), jpeg.toString())); // proposes JPEG lossless: accepted as is
            var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + orthanc.httpPort + "/modalities/radlens/store"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            orthanc.get("/instances").body().replaceAll("[\\[\\]\\s]", "").split(",")[0]))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(0, listen.get(120, TimeUnit.SECONDS));
            DicomWebClient web = new DicomWebClient(orthanc.dicomWeb(), Auth.none(), Duration.ofSeconds(10), 0,
                    Duration.ZERO);
            assertEquals(3, web.searchInstances(null, Map.of("Modality", "SR")).size());
            assertEquals(3, web.searchInstances(null, Map.of("Modality", "SEG")).size());
            assertEquals(3, web.searchInstances(null, Map.of("Modality", "OT")).size(), "heat-map SCs");
            List<String> rows = Files.readAllLines(out.resolve("results.csv"));
            assertEquals(4, rows.size(), String.join("\n", rows));
            assertTrue(rows.stream().skip(1).allMatch(row -> row.endsWith(",")), String.join("\n", rows));
        }
    }

    static void awaitEcho(RemoteAe ae) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                DimseClient.echo(ae, "TEST");
                return;
            } catch (DimseException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("radlens listen did not answer C-ECHO in 60 s", e);
                }
                Thread.sleep(200);
            }
        }
    }
}
