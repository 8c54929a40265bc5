package org.radlens.cli.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.cli.RadLens;
import org.radlens.dicomio.DicomReader;
import picocli.CommandLine;

/**
 * The shared input gate at each command-line entry point: a folder of chest X-rays plus a CT slice, an MR slice
 * (pydicom test files, MIT, committed under dicom-io/src/test/resources/fixtures) and a NIfTI volume (nibabel, MIT):
 * the CXRs are scored as before, the others are reported as refused and get no SR/SEG.
 */
class InputGateScoringTest {
    static final Path IO_FIXTURES = Path.of("../dicom-io/src/test/resources/fixtures").toAbsolutePath().normalize();
    @TempDir
    Path tmp;

    /** good.dcm (DX, PA, CHEST), normal.jpg, lateral.dcm (CR, ViewPosition LL), ct.dcm, mr.dcm, vol.nii. */
    private Path mixedFolder() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Fixtures.SAMPLE, in.resolve("good.dcm"));
        Files.copy(Path.of("../samples/kermany-normal-IM-0001-0001.jpg"), in.resolve("normal.jpg"));
        Files.copy(IO_FIXTURES.resolve("CT_small.dcm"), in.resolve("ct.dcm"));
        Files.copy(IO_FIXTURES.resolve("MR_small_RLE.dcm"), in.resolve("mr.dcm"));
        Files.copy(IO_FIXTURES.resolve("anatomical.nii"), in.resolve("vol.nii"));
        lateralCopy(in.resolve("lateral.dcm"));
        return in;
    }

    /** The DX sample with a new SOP Instance UID, Modality CR and ViewPosition LL (pydicom). */
    static void lateralCopy(Path target) throws Exception {
        Fixtures.assumePydicom();
        String script = String.join("\n", "import sys, pydicom", "from pydicom.uid import generate_uid",
                "d = pydicom.dcmread(sys.argv[1])", "d.SOPInstanceUID = generate_uid(entropy_srcs=['lateral'])",
                "d.file_meta.MediaStorageSOPInstanceUID = d.SOPInstanceUID", "d.Modality = 'CR'",
                "d.ViewPosition = 'LL'", "d.save_as(sys.argv[2])");
        Process p = new ProcessBuilder(Fixtures.PYTHON, "-c", script, Fixtures.SAMPLE.toString(), target.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    }

    /** results.csv as id → (column → value). */
    static Map<String, Map<String, String>> results(Path out) throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("results.csv"));
        List<String> head = List.of(lines.get(0).split(","));
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = CsvCells.split(line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < head.size(); i++) {
                row.put(head.get(i), i < cells.size() ? cells.get(i) : "");
            }
            rows.put(row.get("id"), row);
        }
        return rows;
    }

    static String run(int expectedExit, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = RadLens.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        assertEquals(expectedExit, code, String.join(" ", args) + "\n" + err);
        return err.toString();
    }

    @Test
    void scoreFolderRefusesCtMrNiftiWritesNoSrForThemAndFlagsTheLateral() throws Exception {
        Path in = mixedFolder();
        Path out = tmp.resolve("out");
        String err = run(0, "score", in.toString(), "--out", out.toString(), "--write-dicom", "--workers", "2");
        assertTrue(err.contains("3 scored, 0 failed, 0 already done; 1 flagged, 3 refused, 0 duplicate, 0 transient"), err);
        Map<String, Map<String, String>> r = results(out);
        assertEquals(6, r.size());
        assertEquals(List.of("refused", "refused:ct"), statusScope(r, "ct.dcm"));
        assertEquals(List.of("refused", "refused:mr"), statusScope(r, "mr.dcm"));
        assertEquals(List.of("refused", "refused:volume"), statusScope(r, "vol.nii"));
        assertTrue(r.get("vol.nii").get("note").startsWith("vol.nii is a volume"), r.get("vol.nii").toString());
        assertTrue(r.get("mr.dcm").get("note").startsWith("mr.dcm is an MR image"), r.get("mr.dcm").toString());
        assertEquals("", r.get("ct.dcm").get("pneumonia"), "no findings for a refused item");
        assertEquals(List.of("scored", "in_scope"), statusScope(r, "good.dcm"));
        assertEquals(List.of("scored", "in_scope"), statusScope(r, "normal.jpg"));
        assertEquals(List.of("scored", "flagged:lateral"), statusScope(r, "lateral.dcm"));
        assertTrue(r.get("good.dcm").get("pneumonia").startsWith("0."), r.get("good.dcm").toString());
        List<Path> dicom;
        try (var s = Files.list(out.resolve("dicom"))) {
            dicom = s.sorted().toList();
        }
        assertEquals(2, dicom.size(), "one SR per CXR DICOM, none for CT/MR: " + dicom);
        for (Path f : dicom) {
            assertEquals("SR", DicomReader.readHeader(f).modality());
        }
        Path lateralSr = out.resolve("dicom/" + r.get("lateral.dcm").get("sr_uid") + ".dcm");
        String sr = new String(Files.readAllBytes(lateralSr), StandardCharsets.ISO_8859_1);
        assertTrue(sr.contains("flagged:lateral") && sr.contains("Input scope"), "the flag is in the SR");
        String goodSr = new String(Files.readAllBytes(out.resolve("dicom/" + r.get("good.dcm").get("sr_uid")
                + ".dcm")), StandardCharsets.ISO_8859_1);
        assertTrue(!goodSr.contains("Input scope"), "no scope item for an in-scope image");
        assertTrue(Files.readString(out.resolve("results.jsonl")).contains("\"input_scope\":\"refused:mr\""));
    }

    @Test
    void modalityOptionFiltersFolderRunsAsItDoesDicomWeb() throws Exception {
        Path in = mixedFolder();
        Path out = tmp.resolve("dx-only");
        run(0, "score", in.toString(), "--out", out.toString(), "--modality", "DX", "--workers", "1");
        Map<String, Map<String, String>> r = results(out);
        assertEquals(List.of("refused", "refused:modality"), statusScope(r, "lateral.dcm"), "CR left out");
        assertEquals(List.of("scored", "in_scope"), statusScope(r, "good.dcm"));
        run(2, "score", in.toString(), "--out", tmp.resolve("ct").toString(), "--modality", "CT");
        run(2, "classify", "--modality", "MR", Fixtures.SAMPLE.toString());
    }

    @Test
    void classifyGroundSegmentRefuseCtAndMrSlicesAndScoreTheCxr() throws Exception {
        Path in = mixedFolder();
        StringWriter out = new StringWriter();
        CommandLine cl = RadLens.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(1, cl.execute("classify", "--json", in.resolve("mr.dcm").toString(),
                in.resolve("good.dcm").toString(), in.resolve("lateral.dcm").toString()));
        JsonArray a = JsonParser.parseString(out.toString()).getAsJsonArray();
        JsonObject mr = a.get(0).getAsJsonObject();
        assertEquals("refused:mr", mr.get("input_scope").getAsString());
        assertTrue(!mr.has("findings") && mr.get("message").getAsString().contains("mr.dcm"), mr.toString());
        assertEquals("in_scope", a.get(1).getAsJsonObject().get("input_scope").getAsString());
        assertTrue(a.get(1).getAsJsonObject().getAsJsonArray("findings").size() > 0);
        assertEquals("flagged:lateral", a.get(2).getAsJsonObject().get("input_scope").getAsString());
        String err = run(1, "ground", "--query", "pneumonia", in.resolve("ct.dcm").toString());
        assertTrue(err.contains("ct.dcm is a CT image") && err.contains("classify"), err);
        run(1, "segment", in.resolve("mr.dcm").toString());
        run(0, "segment", in.resolve("good.dcm").toString());
    }

    @Test
    void listenRefusesCtAndMrAndSendsNothingForThem() throws Exception {
        Path out = tmp.resolve("listen");
        Path incoming = Files.createDirectories(out.resolve("incoming"));
        Files.copy(Fixtures.SAMPLE, incoming.resolve("a.dcm"));
        Files.copy(IO_FIXTURES.resolve("CT_small.dcm"), incoming.resolve("b.dcm"));
        Files.copy(IO_FIXTURES.resolve("MR_small_RLE.dcm"), incoming.resolve("c.dcm"));
        run(0, "listen", "--port", String.valueOf(Orthanc.freePort()), "--out", out.toString(), "--stop-after", "3");
        Map<String, Map<String, String>> r = results(out);
        assertEquals(3, r.size(), r.toString());
        assertEquals(List.of("scored", "refused", "refused"), r.values().stream()
                .map(m -> m.get("status")).sorted(java.util.Comparator.reverseOrder()).toList());
        try (var s = Files.list(out.resolve("dicom"))) {
            assertEquals(1, s.count(), "the SR of the DX only");
        }
    }

    private static List<String> statusScope(Map<String, Map<String, String>> r, String id) {
        return List.of(r.get(id).get("status"), r.get(id).get("input_scope"));
    }
}
