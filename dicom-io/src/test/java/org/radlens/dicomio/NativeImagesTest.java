package org.radlens.dicomio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radlens.dicomio.codec.GdcmCodec;
import org.radlens.volume3d.Image2D;

/**
 * GDCM's native decoders ({@link NativeImages}) and our pure-Java ones give the same values (lossy JPEG 2000: within 1,
 * the two wavelet implementations round a few samples apart; on the workload's lossy files they agree exactly): on the
 * compressed grey fixtures, and on the realistic workload of {@code validation/bench/make-workload} when it has been generated
 * ({@code $RADLENS_WORKLOAD}, else {@code ~/.cache/radlens/workload}; full-size 12/16-bit films). Skipped where GDCM's
 * Java binding is not installed (Debian libgdcm-java; {@code ./bootstrap --test-tools}).
 */
class NativeImagesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @Test
    void nativeAndPureJavaDecodersGiveTheSameValuesOnTheCompressedGreyFixtures() throws Exception {
        assumeTrue(GdcmCodec.find().isPresent(), "GDCM's Java binding (libgdcm-java) not installed: skipped");
        int compared = 0;
        for (String f : List.of("MR_small_jp2klossless.dcm", "JPEGLSNearLossless_16.dcm")) {
            Path p = FIXTURES.resolve(f);
            assertTrue(NativeImages.handles(DicomReader.readHeader(p).syntax()), f);
            assertArrayEquals(pixels(p, false), pixels(p, true), 0f, f);
            compared++;
        }
        assertEquals(2, compared);
        // JPEG-LS lossless is ours, GDCM installed or not: the same stored values as GDCM's
        Path jls = FIXTURES.resolve("MR_small_jpeg_ls_lossless.dcm");
        assertTrue(!NativeImages.handles(DicomReader.readHeader(jls).syntax()), "JPEG-LS lossless is ours");
        byte[] ours = JpegLosslessTest.ours(jls);
        assertArrayEquals(JpegLosslessTest.gdcm(jls, ours.length).orElseThrow(), ours, jls.toString());
        // lossy JPEG 2000 (irreversible wavelet, floating point): OpenJPEG and JJ2000 round a few samples apart
        Path lossy = FIXTURES.resolve("JPEG2000.dcm");
        float[] pure = pixels(lossy, false);
        float[] gdcm = pixels(lossy, true);
        assertTrue(maxDiff(pure, gdcm) <= 1, "JPEG2000.dcm: max difference " + maxDiff(pure, gdcm));
    }

    @Test
    void nativeAndPureJavaDecodersGiveTheSameValuesOnTheRealisticWorkload() throws Exception {
        assumeTrue(GdcmCodec.find().isPresent(), "GDCM's Java binding (libgdcm-java) not installed: skipped");
        Path folder = workload();
        assumeTrue(Files.isRegularFile(folder.resolve("manifest.json")), "no workload in " + folder
                + ": skipped (validation/bench/make-workload builds it from the ../shared data films)");
        List<String> lossyDiffs = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(Files.readString(folder.resolve("manifest.json")))
                .getAsJsonObject().getAsJsonArray("files")) {
            JsonObject o = e.getAsJsonObject();
            Path p = folder.resolve(o.get("path").getAsString());
            boolean kept = "MONOCHROME1".equals(o.get("photometric").getAsString())
                    || o.get("bits_stored").getAsInt() == 16; // one film per kind: the full set takes minutes
            if (!kept || !NativeImages.handles(DicomReader.readHeader(p).syntax())) {
                continue;
            }
            float[] pure = pixels(p, false);
            float[] gdcm = pixels(p, true);
            if ("j2k-lossy".equals(o.get("encoding").getAsString())) {
                lossyDiffs.add(p.getFileName() + " " + maxDiff(pure, gdcm));
                assertTrue(maxDiff(pure, gdcm) <= 1, p + ": max difference " + maxDiff(pure, gdcm));
            } else {
                assertArrayEquals(pure, gdcm, 0f, p.toString());
            }
        }
        assertTrue(lossyDiffs.size() >= 2, "lossy files compared: " + lossyDiffs);
        System.out.println("lossy JPEG 2000, max |pure-Java - GDCM|: " + lossyDiffs);
    }

    /**
     * Grey JPEG lossless is ours whether GDCM is installed or not ({@code codec.JpegLosslessDecoder}, straight from
     * the file bytes): on every jpeg-lossless-sv1 film of the workload its stored values hash to the manifest's
     * {@code decoded_sha256} (pydicom + GDCM when the set was made) and equal GDCM's bytes where GDCM is installed.
     */
    @Test
    void ourJpegLosslessDecoderGivesTheManifestsValuesOnTheRealisticWorkload() throws Exception {
        assertOursGivesTheManifestsValues("jpeg-lossless-sv1");
    }

    /**
     * JPEG-LS lossless is ours whether GDCM is installed or not ({@code codec.JpegLsDecoder}, through
     * {@code CompressedGrey}): on every jpeg-ls-lossless film of the
     * workload (dcmtk {@code dcmcjpls}) its stored values hash to the manifest's {@code decoded_sha256}, and equal
     * GDCM's (CharLS) bytes where GDCM is installed.
     */
    @Test
    void ourJpegLsDecoderGivesTheManifestsValuesOnTheRealisticWorkload() throws Exception {
        assertOursGivesTheManifestsValues("jpeg-ls-lossless");
    }

    /**
     * Every workload film of {@code encoding}, read by the file path that {@code JpegLosslessTest.ours} takes, hashes
     * to the manifest's {@code decoded_sha256} and equals GDCM's bytes where GDCM is installed (at least 5 films).
     */
    private static void assertOursGivesTheManifestsValues(String encoding) throws Exception {
        Path folder = workload();
        assumeTrue(Files.isRegularFile(folder.resolve("manifest.json")), "no workload in " + folder
                + ": skipped (validation/bench/make-workload builds it from the ../shared data films)");
        int compared = 0;
        for (JsonElement e : JsonParser.parseString(Files.readString(folder.resolve("manifest.json")))
                .getAsJsonObject().getAsJsonArray("files")) {
            JsonObject o = e.getAsJsonObject();
            if (!encoding.equals(o.get("encoding").getAsString())) {
                continue;
            }
            Path p = folder.resolve(o.get("path").getAsString());
            byte[] ours = JpegLosslessTest.ours(p);
            assertEquals(o.get("decoded_sha256").getAsString(), sha256(ours), p.toString());
            JpegLosslessTest.gdcm(p, ours.length).ifPresent(g -> assertArrayEquals(g, ours, p + " (GDCM)"));
            compared++;
        }
        assertTrue(compared >= 5, encoding + " films compared: " + compared);
    }

    private static String sha256(byte[] b) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static float[] pixels(Path p, boolean allowNative) throws ImageReadException {
        DicomFile f = DicomFile.openForImages(p, allowNative);
        // GDCM's decode, or (pure Java) ours into one array (CompressedGrey) or PixelMed's: GDCM decodes the file
        assertTrue(!allowNative || f.raw != null && f.rawOffset == 0
                && NativeImages.decode(p, f.header, true) != null, "native path taken: " + p);
        Image2D im = DicomReader.image(f);
        return im.channel(0);
    }

    private static float maxDiff(float[] a, float[] b) {
        float m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    static Path workload() {
        String env = System.getenv("RADLENS_WORKLOAD");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "radlens", "workload");
    }
}
