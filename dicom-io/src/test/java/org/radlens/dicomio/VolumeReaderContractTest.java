package org.radlens.dicomio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.radlens.volume3d.Volume;

/** The {@link VolumeReader} contract, shared by every implementation. */
class VolumeReaderContractTest {
    @TempDir
    Path dir;

    static Stream<Arguments> readers() {
        return Stream.of(Arguments.of("AUTO", VolumeReader.AUTO, "anatomical.nii"),
                Arguments.of("NIFTI", VolumeReader.NIFTI, "example_nifti2.nii.gz"),
                Arguments.of("DICOM_FILE", VolumeReader.DICOM_FILE, "emri_small.dcm"),
                Arguments.of("DICOM_SERIES", VolumeReader.DICOM_SERIES, "<folder>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void readsAValidVolume(String name, VolumeReader reader, String fixture) throws Exception {
        Path in = fixture.equals("<folder>") ? seriesFolder() : TestData.fixture(fixture);
        Volume v = reader.read(in);
        for (double s : v.geometry().spacing()) {
            assertTrue(s > 0 && Double.isFinite(s), name);
        }
        double[] d = v.geometry().direction();
        assertEquals(1, d[0] * d[0] + d[3] * d[3] + d[6] * d[6], 1e-6);
        assertEquals(v.nx() * v.ny() * v.nz(), v.data().length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void failuresAreCheckedAndNameThePath(String name, VolumeReader reader, String fixture) throws IOException {
        Path missing = dir.resolve("missing-input");
        ImageReadException a = assertThrows(ImageReadException.class, () -> reader.read(missing), name);
        assertTrue(a.getMessage().contains("missing-input"), a.getMessage());
        Path junk = dir.resolve("junk.bin");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        Path target = name.equals("DICOM_SERIES") ? dir : junk;
        ImageReadException b = assertThrows(ImageReadException.class, () -> reader.read(target), name);
        assertTrue(b.getMessage().contains(target.getFileName().toString()), b.getMessage());
    }

    private Path seriesFolder() throws IOException {
        Path s = dir.resolve("series");
        Files.createDirectories(s);
        Files.copy(TestData.fixture("CT_small.dcm"), s.resolve("only.dcm"));
        return s;
    }
}
