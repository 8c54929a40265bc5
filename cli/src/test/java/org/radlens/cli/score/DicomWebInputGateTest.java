package org.radlens.cli.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.web.Auth;
import org.radlens.dicomio.web.DicomWebClient;

/**
 * {@code radlens score --dicomweb} against a PACS (a throw-away Orthanc) holding a DX chest film, a lateral CR copy,
 * a CT and an MR slice (pydicom fixtures, MIT): {@code --modality} asks the server for CR and DX only, the lateral is
 * scored with its flag, and SRs go back for the two radiographs only; {@code --modality CT} is a usage error.
 */
class DicomWebInputGateTest {
    @TempDir
    Path tmp;

    @Test
    void onlyChestRadiographsAreScoredAndGetAnSrOnThePacs() throws Exception {
        Orthanc.assumeInstalled();
        Path lateral = tmp.resolve("lateral.dcm");
        InputGateScoringTest.lateralCopy(lateral);
        try (Orthanc orthanc = Orthanc.start(tmp.resolve("orthanc"), "{}")) {
            for (Path f : List.of(Fixtures.SAMPLE, lateral, InputGateScoringTest.IO_FIXTURES.resolve("CT_small.dcm"),
                    InputGateScoringTest.IO_FIXTURES.resolve("MR_small_RLE.dcm"))) {
                orthanc.upload(f);
            }
            Path out = tmp.resolve("out");
            String err = InputGateScoringTest.run(0, "score", "--dicomweb", orthanc.dicomWeb().toString(), "--out",
                    out.toString(), "--workers", "2");
            assertTrue(err.contains("2 scored, 0 failed, 0 already done; 1 flagged"), err);
            Map<String, Map<String, String>> r = InputGateScoringTest.results(out);
            assertEquals(2, r.size(), r.toString());
            assertEquals(List.of("flagged:lateral", "in_scope"), r.values().stream().map(m -> m.get("input_scope"))
                    .sorted().toList());
            DicomWebClient web = new DicomWebClient(orthanc.dicomWeb(), Auth.none(), Duration.ofSeconds(10), 0,
                    Duration.ZERO);
            assertEquals(2, web.searchInstances(null, Map.of("Modality", "SR")).size(), "no SR for the CT or MR");
            InputGateScoringTest.run(2, "score", "--dicomweb", orthanc.dicomWeb().toString(), "--out",
                    tmp.resolve("ct").toString(), "--modality", "CT");
            assertTrue(!Files.exists(tmp.resolve("ct/journal.jsonl")), "a usage error starts nothing");
        }
    }
}
