package org.radlens.cli.score;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test DICOM objects: copies of the bundled DX sample ({@code samples/covid-notes-329_637.dcm}, CC BY 4.0, see
 * samples/PROVENANCE.md) with new study/series/SOP UIDs (pydicom, deterministic per index), alternating DX and CR; instances 2k and 2k+1
 * share a study dated 2024-01-(k+1).
 */
final class Fixtures {
    static final Path SAMPLE = Path.of("../samples/covid-notes-329_637.dcm").toAbsolutePath().normalize();
    static final String PYTHON = "/usr/bin/python3";

    private Fixtures() {
    }

    static void assumePydicom() throws IOException, InterruptedException {
        boolean ok = Files.isExecutable(Path.of(PYTHON))
                && new ProcessBuilder(PYTHON, "-c", "import pydicom").start().waitFor() == 0;
        assumeTrue(ok, "/usr/bin/python3 with pydicom (Debian python3-pydicom) is missing: ./bootstrap --test-tools");
    }

    /** Writes {@code n} distinct instances into {@code dir} and returns them. */
    static List<Path> instances(Path dir, int n) throws IOException, InterruptedException {
        assumePydicom();
        Files.createDirectories(dir);
        String script = String.join("\n",
                "import sys, pydicom",
                "from pydicom.uid import generate_uid",
                "src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])",
                "for i in range(n):",
                "    d = pydicom.dcmread(src)",
                "    d.StudyInstanceUID = generate_uid(entropy_srcs=['study', str(i // 2)])",
                "    d.SeriesInstanceUID = generate_uid(entropy_srcs=['series', str(i)])",
                "    d.SOPInstanceUID = generate_uid(entropy_srcs=['sop', str(i)])",
                "    d.file_meta.MediaStorageSOPInstanceUID = d.SOPInstanceUID",
                "    d.Modality = 'CR' if i % 2 else 'DX'",
                "    d.StudyDate = '202401%02d' % (i // 2 + 1)",
                "    d.save_as('%s/img%02d.dcm' % (out, i))");
        Process p = new ProcessBuilder(PYTHON, "-c", script, SAMPLE.toString(), dir.toString(), String.valueOf(n))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("fixture generation failed: " + out);
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            files.add(dir.resolve(String.format("img%02d.dcm", i)));
        }
        return files;
    }
}
