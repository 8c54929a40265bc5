package org.radlens.dicomio.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.CorruptFileException;
import org.radlens.dicomio.ImageFiles;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.TestData;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.VoxelGeometry;

class NiftiRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void randomVolumesSurviveEveryContainerAndDatatype() throws IOException, ImageReadException {
        Random r = new Random(0);
        String[] names = {"a.nii", "b.nii.gz", "c.hdr"};
        for (int n = 0; n < 30; n++) {
            Volume v = randomVolume(r, n % 2 == 0);
            Path p = dir.resolve(n + names[n % 3]);
            NiftiWriter.write(v, p);
            Volume back = ImageFiles.readVolume(p);
            assertEquals(v.nx(), back.nx());
            assertEquals(v.nz(), back.nz());
            assertArrayEquals(v.data(), back.data(), p.toString());
            assertTrue(v.geometry().sameGrid(back.geometry(), 1e-3), v.geometry() + " vs " + back.geometry());
            NiftiHeader h = NiftiReader.readHeader(p);
            assertArrayEquals(h.rasAffine(), h.qformAffine(), 1e-3, "qform agrees with sform");
            assertEquals(n % 2 == 0 ? 4 : 16, h.datatype());
        }
    }

    @Test
    void largeScaledVolumesReadTheSameMappedInParallelAndStreamedFromGzip() throws IOException, ImageReadException {
        Random r = new Random(7);
        int nx = 128;
        int ny = 128;
        int nz = 260; // 4.26 M voxels: above the parallel threshold, with a last partial task
        float[] d = new float[nx * ny * nz];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextInt(3000) - 1024;
        }
        Volume v = new Volume(nx, ny, nz, d, VoxelGeometry.of(new double[] {1, 1, 1}, new double[3],
                new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}), IntensityInfo.rawGray());
        Path plain = dir.resolve("big.nii");
        NiftiWriter.write(v, plain);
        byte[] bytes = Files.readAllBytes(plain);
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(112, 0.5f).putFloat(116, -3f);
        Files.write(plain, bytes);
        Path gz = dir.resolve("big.nii.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(bytes);
        }
        float[] mapped = NiftiReader.readVolume(plain).data();
        float[] streamed = NiftiReader.readVolume(gz).data();
        assertEquals(4, NiftiReader.readHeader(plain).datatype());
        for (int i = 0; i < d.length; i++) {
            assertEquals(d[i] * 0.5f - 3f, mapped[i], 0f, "voxel " + i);
        }
        assertArrayEquals(mapped, streamed);
    }

    @Test
    void lpsIsConvertedToRasAtTheEdge() throws IOException, ImageReadException {
        Volume v = new Volume(2, 2, 2, new float[8], VoxelGeometry.of(new double[] {1, 2, 3},
                new double[] {10, 20, 30}, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}), IntensityInfo.rawGray());
        Path p = dir.resolve("lps.nii");
        NiftiWriter.write(v, p);
        double[] ras = NiftiReader.readHeader(p).rasAffine();
        assertArrayEquals(new double[] {-1, 0, 0, -10, 0, -2, 0, -20, 0, 0, 3, 30, 0, 0, 0, 1}, ras, 1e-6);
    }

    @Test
    void fourDimensionalFilesGiveTheirFirstVolume() throws ImageReadException {
        Path f = TestData.fixture("example_nifti2.nii.gz");
        NiftiImage all = NiftiReader.read(f);
        Volume first = NiftiReader.readVolume(f);
        int[] s = all.header().spatialShape();
        assertEquals((long) s[0] * s[1] * s[2], (long) first.nx() * first.ny() * first.nz());
        assertEquals(all.data()[17], first.data()[17]);
    }

    @Test
    void truncatedDataAndHeaderOnlyFilesAreCheckedExceptions() throws IOException {
        byte[] full = Files.readAllBytes(TestData.fixture("anatomical.nii"));
        Path cut = dir.resolve("cut.nii");
        Files.write(cut, java.util.Arrays.copyOf(full, full.length / 2));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> NiftiReader.read(cut));
        assertTrue(e.getMessage().contains("cut.nii") && e.getMessage().contains("truncated"), e.getMessage());
        assertThrows(ImageReadException.class, () -> NiftiReader.read(TestData.fixture("nifti1.hdr")));
    }

    private static Volume randomVolume(Random r, boolean integers) {
        int nx = 1 + r.nextInt(6);
        int ny = 1 + r.nextInt(6);
        int nz = 1 + r.nextInt(4);
        float[] d = new float[nx * ny * nz];
        for (int i = 0; i < d.length; i++) {
            d[i] = integers ? r.nextInt(3000) - 1024 : (float) r.nextGaussian() * 100;
        }
        double[] rot = randomRotation(r);
        if (r.nextBoolean()) { // left-handed grids too (qfac = -1)
            for (int row = 0; row < 3; row++) {
                rot[3 * row + 2] = -rot[3 * row + 2];
            }
        }
        VoxelGeometry g = VoxelGeometry.of(new double[] {0.5 + r.nextDouble(), 0.5 + r.nextDouble(),
            1 + 2 * r.nextDouble()}, new double[] {r.nextInt(400) - 200, r.nextInt(400) - 200, r.nextInt(400) - 200},
                rot);
        return new Volume(nx, ny, nz, d, g, IntensityInfo.rawGray());
    }

    private static double[] randomRotation(Random r) {
        double a = r.nextGaussian();
        double b = r.nextGaussian();
        double c = r.nextGaussian();
        double d = r.nextGaussian();
        double n = Math.sqrt(a * a + b * b + c * c + d * d);
        a /= n;
        b /= n;
        c /= n;
        d /= n;
        return new double[] {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c),
            2 * (b * c + a * d), a * a - b * b + c * c - d * d, 2 * (c * d - a * b),
            2 * (b * d - a * c), 2 * (c * d + a * b), a * a - b * b - c * c + d * d};
    }
}
