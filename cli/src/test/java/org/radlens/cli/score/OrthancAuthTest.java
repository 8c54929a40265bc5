package org.radlens.cli.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.web.Auth;
import org.radlens.dicomio.web.DicomWebClient;
import org.radlens.dicomio.web.DicomWebException;

/** HTTP basic authentication of the DICOMweb client against a real Orthanc with a registered user. */
class OrthancAuthTest {
    @TempDir
    Path tmp;

    @Test
    void basicAuthIsAcceptedAndItsAbsenceRefusedWithoutRetries() throws Exception {
        Fixtures.assumePydicom();
        try (Orthanc orthanc = Orthanc.startWithUser(tmp.resolve("orthanc"), "alice", "s3cret")) {
            DicomWebClient good = new DicomWebClient(orthanc.dicomWeb(), Auth.basic("alice", "s3cret"),
                    Duration.ofSeconds(10), 3, Duration.ofMillis(50));
            DicomWebClient bad = new DicomWebClient(orthanc.dicomWeb(), Auth.none(), Duration.ofSeconds(10), 3,
                    Duration.ofMillis(50));
            Path f = Fixtures.instances(tmp.resolve("fx"), 1).get(0);
            good.store(java.util.List.of(java.nio.file.Files.readAllBytes(f)));
            assertEquals(1, good.searchInstances(null, Map.of("Modality", "DX")).size());
            DicomWebException e = assertThrows(DicomWebException.class,
                    () -> bad.searchInstances(null, Map.of("Modality", "DX")));
            assertEquals(401, e.status());
        }
    }
}
