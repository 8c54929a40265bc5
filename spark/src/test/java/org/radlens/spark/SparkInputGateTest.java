package org.radlens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.cli.RadLens;
import picocli.CommandLine;

/**
 * The Spark engine behind the same input gate and UID claims as in-process: among two CXRs, a second copy of one
 * (same SOP Instance UID), a CT and an MR slice (pydicom fixtures, MIT) and a NIfTI volume (nibabel, MIT), only the
 * CXRs are scored, the copy is a duplicate, the others are refused, and only the CXR's SR is written.
 */
class SparkInputGateTest {
    static final Path IO = Path.of("../dicom-io/src/test/resources/fixtures");

    @Test
    void refusedAndDuplicateItemsGetNoSrOnSparkEither(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("../samples/covid-notes-329_637.dcm"), in.resolve("a.dcm"));
        Files.copy(Path.of("../samples/covid-notes-329_637.dcm"), in.resolve("b.dcm"));
        Files.copy(Path.of("../samples/kermany-normal-IM-0001-0001.jpg"), in.resolve("c.jpg"));
        Files.copy(IO.resolve("CT_small.dcm"), in.resolve("ct.dcm"));
        Files.copy(IO.resolve("MR_small_RLE.dcm"), in.resolve("mr.dcm"));
        Files.copy(IO.resolve("anatomical.nii"), in.resolve("vol.nii"));
        Path out = tmp.resolve("out");
        StringWriter err = new StringWriter();
        CommandLine cl = RadLens.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(0, cl.execute("score", in.toString(), "--out", out.toString(), "--engine", "spark", "--master",
                "local[2]", "--write-dicom"), err.toString());
        assertTrue(err.toString().contains("2 scored, 0 failed, 0 already done; 0 flagged, 3 refused, 1 duplicate"),
                err.toString());
        Map<String, String> status = new TreeMap<>();
        List<String> lines = Files.readAllLines(out.resolve("results.csv"));
        int col = List.of(lines.get(0).split(",")).indexOf("input_scope");
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",");
            status.put(c[0], c[col - 1] + " " + c[col]);
        }
        assertEquals("refused refused:ct", status.get("ct.dcm"));
        assertEquals("refused refused:mr", status.get("mr.dcm"));
        assertEquals("refused refused:volume", status.get("vol.nii"));
        assertEquals("scored in_scope", status.get("c.jpg"));
        assertEquals(List.of("duplicate ", "scored in_scope"),
                Stream.of(status.get("a.dcm"), status.get("b.dcm")).sorted().toList());
        try (Stream<Path> s = Files.list(out.resolve("dicom"))) {
            assertEquals(1, s.count(), "one SR: the DX's");
        }
    }
}
