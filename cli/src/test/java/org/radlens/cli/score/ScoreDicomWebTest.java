package org.radlens.cli.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.cli.RadLens;
import org.radlens.dicomio.web.Auth;
import org.radlens.dicomio.web.DicomWebClient;
import org.radlens.dicomio.web.InstanceRef;

/** {@code radlens score --dicomweb} against a real Orthanc started by the test (skipped without Orthanc/pydicom). */
class ScoreDicomWebTest {
    static final int N = 6;

    @TempDir
    Path tmp;
    Orthanc orthanc;
    List<Path> fixtures;

    @BeforeEach
    void startOrthanc() throws Exception {
        Orthanc.assumeInstalled();
        fixtures = Fixtures.instances(tmp.resolve("fixtures"), N);
        orthanc = Orthanc.start(tmp.resolve("orthanc"), "{}");
        for (Path f : fixtures) {
            orthanc.upload(f);
        }
    }

    @AfterEach
    void stopOrthanc() throws InterruptedException {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    static int score(String... args) {
        return RadLens.commandLine().execute(args);
    }

    String[] args(Path out, String... extra) {
        return args(orthanc.dicomWeb(), out, extra);
    }

    static String[] args(java.net.URI server, Path out, String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("score", "--dicomweb", server.toString(),
                "--out", out.toString(), "--segment", "--backoff-ms", "200"));
        a.addAll(List.of(extra.length == 0 ? new String[]{"--workers", "2"} : extra));
        return a.toArray(String[]::new);
    }

    DicomWebClient client() {
        return new DicomWebClient(orthanc.dicomWeb(), Auth.none(), Duration.ofSeconds(10), 0, Duration.ZERO);
    }

    /** SOP Instance UIDs of the given modality on the server; fails on duplicates. */
    List<InstanceRef> onServer(String modality) throws IOException {
        List<InstanceRef> refs = client().searchInstances(null, Map.of("Modality", modality));
        assertEquals(refs.size(), new HashSet<>(refs.stream().map(InstanceRef::sopInstanceUid).toList()).size());
        return refs;
    }

    static List<String> csvRows(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("results.csv"));
        return lines.subList(1, lines.size());
    }

    static void assertEachOnceWithoutError(Path out) throws IOException {
        List<String> rows = csvRows(out);
        assertEquals(N, rows.size(), String.join("\n", rows));
        assertEquals(N, new HashSet<>(rows.stream().map(r -> r.substring(0, r.indexOf(','))).toList()).size());
        assertTrue(rows.stream().allMatch(r -> r.endsWith(",")), "an error column is filled: " + rows);
        assertEquals(N, Files.readAllLines(out.resolve("results.jsonl")).size());
    }

    @Test
    void scoresEveryInstanceAndStoresOneSrSegAndOverlayEach() throws Exception {
        Path out = tmp.resolve("out");
        String[] withOverlay = args(out, "--workers", "2", "--overlay-sc", "pneumonia");
        assertEquals(0, score(withOverlay));
        assertEachOnceWithoutError(out);
        assertEquals(N, onServer("SR").size());
        assertEquals(N, onServer("SEG").size());
        assertEquals(N, onServer("OT").size());
        Path scFile = tmp.resolve("sc.dcm");
        Files.write(scFile, client().retrieve(onServer("OT").get(0)));
        String sc = pydicom(scFile, "d.SOPClassUID, d.PhotometricInterpretation, d.SourceImageSequence[0]"
                + ".ReferencedSOPInstanceUID in [" + String.join(",", java.util.stream.IntStream.range(0, N)
                .mapToObj(i -> "'" + sopQuietly(i) + "'").toList()) + "]");
        assertEquals("1.2.840.10008.5.1.4.1.1.7 RGB True", sc);
        InstanceRef sr = onServer("SR").get(0);
        Path srFile = tmp.resolve("sr.dcm");
        Files.write(srFile, client().retrieve(sr));
        String ref = pydicom(srFile, "d.CurrentRequestedProcedureEvidenceSequence[0].ReferencedSeriesSequence[0]"
                + ".ReferencedSOPSequence[0].ReferencedSOPInstanceUID, d.ContentTemplateSequence[0].TemplateIdentifier");
        String[] parts = ref.split(" ");
        assertEquals("1500", parts[1]);
        String row = csvRows(out).stream().filter(r -> r.startsWith(parts[0] + ",")).findFirst().orElseThrow();
        assertTrue(row.contains("," + sr.sopInstanceUid() + ","), row);

        Files.delete(out.resolve("journal.jsonl")); // forget everything: the server must still get no duplicates
        assertEquals(0, score(withOverlay));
        assertEquals(N, onServer("SR").size());
        assertEquals(N, onServer("SEG").size());
        assertEquals(N, onServer("OT").size());
        assertEachOnceWithoutError(out);
    }

    @Test
    void queriesByStudyDateStudyUidAndModality() throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, score(args(out, "--workers", "2", "--study-date", "20240101-20240101")));
        List<String> ids = csvRows(out).stream().map(r -> r.substring(0, r.indexOf(','))).toList();
        assertEquals(List.of(sop(0), sop(1)).stream().sorted().toList(), ids);
        String study2 = org.radlens.dicomio.SourceImage.read(fixtures.get(4)).studyInstanceUid();
        assertEquals(0, score(args(out, "--workers", "2", "--study", study2, "--modality", "CR")));
        ids = csvRows(out).stream().map(r -> r.substring(0, r.indexOf(','))).toList();
        assertEquals(List.of(sop(0), sop(1), sop(5)).stream().sorted().toList(), ids);
        assertEquals(3, onServer("SR").size());
    }

    String sopQuietly(int i) {
        try {
            return sop(i);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String sop(int i) throws Exception {
        return org.radlens.dicomio.SourceImage.read(fixtures.get(i)).sopInstanceUid();
    }

    @Test
    void survivesOrthancRestartWhileAStoreIsInFlight() throws Exception {
        Path out = tmp.resolve("out");
        try (CuttingProxy proxy = new CuttingProxy(orthanc.dicomWeb(), 1, CuttingProxy.Mode.DROP)) {
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
                    () -> score(args(proxy.uri(), out, "--workers", "1", "--retries", "10")));
            assertTrue(proxy.awaitCut(120), "no STOW-RS reached the server");
            // the first object is stored but its answer was lost; every request now fails until the proxy heals
            assertTrue(journalLines(out) < N, "items finished without a server");
            orthanc.stop();
            Thread.sleep(1500);
            orthanc.start();
            proxy.heal();
            assertEquals(0, run.get(180, TimeUnit.SECONDS));
        }
        assertEachOnceWithoutError(out);
        assertEquals(N, onServer("SR").size());
        assertEquals(N, onServer("SEG").size());
    }

    @Test
    void killDashNineWhileAStoreIsInFlightThenRerunScoresEachItemExactlyOnce() throws Exception {
        Path out = tmp.resolve("out");
        try (CuttingProxy proxy = new CuttingProxy(orthanc.dicomWeb(), 3, CuttingProxy.Mode.HOLD)) {
            Process child = childProcess(proxy.uri(), out);
            assertTrue(proxy.awaitCut(120), "the child never stored its second item");
            // item 1 is done; item 2's SR is on the server, but the child is still waiting for the answer
            child.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, writes cut anywhere
            assertTrue(journalLines(out) < N, "the child finished before the kill: the test proves nothing");
        }
        assertEquals(0, score(args(out)));
        assertEachOnceWithoutError(out);
        assertEquals(N, onServer("SR").size());
        assertEquals(N, onServer("SEG").size());
    }

    private Process childProcess(java.net.URI server, Path out) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(javaBin(), "-cp", System.getProperty("java.class.path"),
                "-DDJL_OFFLINE=true", "-Dai.djl.offline=true", RadLens.class.getName()));
        cmd.addAll(List.of(args(server, out, "--workers", "1")));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().put("DJL_OFFLINE", "true");
        return pb.start();
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static long journalLines(Path out) throws IOException {
        Path journal = out.resolve("journal.jsonl");
        return Files.exists(journal) ? Files.readAllLines(journal).size() : 0;
    }

    static String pydicom(Path file, String expr) throws Exception {
        Process p = new ProcessBuilder(Fixtures.PYTHON, "-c", "import sys, pydicom\nd = pydicom.dcmread(sys.argv[1])\n"
                + "print(*[" + expr + "])", file.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor(), text);
        return text;
    }
}
