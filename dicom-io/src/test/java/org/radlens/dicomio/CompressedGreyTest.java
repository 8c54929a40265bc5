package org.radlens.dicomio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.VoxelGeometry;

/**
 * Compressed grey frames decoded by our frame decoders straight into one native array for images
 * ({@link CompressedGrey}: RLE, JPEG-LS, grey JPEG Extended) give, bit for bit, the frames of the general path they
 * replaced (decoded into a Pixel Data attribute, {@link PixelDecoding} to stored values, {@link DicomImages} to
 * floats): on the compressed grey fixtures, on synthetic films encoded by dcmtk (MONOCHROME1/2, 8/12/16 bits stored,
 * signed, rescaled, multi-frame), and on the realistic workload's RLE and JPEG-LS films when generated.
 */
class CompressedGreyTest {
    @TempDir
    Path dir;

    @Test
    void fixturesDecodeAsThroughTheGeneralPath() throws Exception {
        for (String f : List.of("MR_small_RLE.dcm", "MR_small_jpeg_ls_lossless.dcm", "JPEGLSNearLossless_16.dcm",
                "JPEG-lossy.dcm")) {
            same(TestData.fixture(f));
        }
    }

    @Test
    void dcmtkEncodedFilmsDecodeAsThroughTheGeneralPath() throws Exception {
        ExternalTools.assumeDcmtk();
        List<Path> films = List.of(
                StreamedPixelsTest.film(dir, "m2-16.dcm", 301, 277, 1, 16, 16, false, "MONOCHROME2", 1, 0),
                StreamedPixelsTest.film(dir, "m1-12.dcm", 301, 277, 1, 16, 12, false, "MONOCHROME1", 1, 0),
                StreamedPixelsTest.film(dir, "m2-12-resc.dcm", 256, 258, 1, 16, 12, false, "MONOCHROME2", 0.5, -1024),
                StreamedPixelsTest.film(dir, "m1-16-signed.dcm", 299, 301, 1, 16, 16, true, "MONOCHROME1", 1.25, 7.5),
                StreamedPixelsTest.film(dir, "m2-8.dcm", 300, 199, 1, 8, 8, false, "MONOCHROME2", 2, -3),
                StreamedPixelsTest.film(dir, "m2-16-frames.dcm", 200, 150, 3, 16, 16, false, "MONOCHROME2", 1, 0),
                StreamedPixelsTest.film(dir, "m1-8-frames.dcm", 130, 90, 2, 8, 8, false, "MONOCHROME1", 1, 0));
        int compared = 0;
        for (Path f : films) {
            same(encode(f, "dcmcrle"));
            compared++;
            if (f.getFileName().toString().contains("-16")) { // JPEG-LS of all 16 bits (the 12-bit ones are noise)
                same(encode(f, "dcmcjpls"));
                compared++;
            }
        }
        assertEquals(10, compared);
    }

    @Test
    void workloadFilmsDecodeAsThroughTheGeneralPath() throws Exception {
        Path folder = NativeImagesTest.workload();
        Assumptions.assumeTrue(Files.isDirectory(folder.resolve("rle")), "no workload in " + folder
                + ": skipped (validation/bench/make-workload builds it from the ../shared data films)");
        List<Path> files = new ArrayList<>();
        for (String syntax : List.of("rle", "jpeg-ls-lossless")) {
            try (java.util.stream.Stream<Path> s = Files.list(folder.resolve(syntax))) {
                files.addAll(s.filter(p -> p.toString().endsWith(".dcm")).sorted().limit(2).toList());
            }
        }
        assertTrue(files.size() >= 2, "workload files: " + files);
        for (Path f : files) {
            same(f);
        }
    }

    private Path encode(Path f, String tool) throws Exception {
        Path out = dir.resolve(tool + "-" + f.getFileName());
        ExternalTools.Output o = ExternalTools.run(tool, f.toString(), out.toString());
        assertEquals(0, o.exit(), tool + " " + f + ": " + o.text());
        return out;
    }

    /** Every frame of {@code f}: the decoded-array path equals the general path, float bits and geometry. */
    private static void same(Path f) throws Exception {
        DicomFile fast = DicomFile.openForImages(f, false);
        assertNotNull(fast.raw, f + ": decoded into one native array");
        assertEquals(0, fast.rawOffset, f.toString());
        DicomFile general = DicomFile.open(f, true);
        DicomPixels px = PixelDecoding.decode(general);
        assertEquals(general.header.frames(), fast.header.frames());
        for (int k = 0; k < general.header.frames(); k++) {
            VoxelGeometry g = DicomGeometry.frame(general.header, general.list, k);
            Image2D a = DicomImages.frame(px, general.list, k, g);
            float[] b = GreyFrames.frame(fast, k, DicomImages.intensity(fast.header));
            assertArrayEquals(bits(a.channel(0)), bits(b), f + " frame " + k);
        }
        Image2D a = DicomImages.frame(px, general.list, 0, DicomGeometry.frame(general.header, general.list, 0));
        Image2D b = DicomReader.image(fast);
        assertEquals(a.geometry(), b.geometry());
        assertEquals(a.intensity(), b.intensity());
    }

    private static int[] bits(float[] v) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToRawIntBits(v[i]);
        }
        return b;
    }
}
