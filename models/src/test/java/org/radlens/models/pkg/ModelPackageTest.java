package org.radlens.models.pkg;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.models.ModelLoadException;
import org.radlens.models.cache.DiskCache;
import org.radlens.models.testing.TestPackages;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelPackageTest {
    @TempDir
    Path tmp;

    private String failure(Path p) {
        return assertThrows(ModelLoadException.class, () -> ModelPackage.open(p).close()).getMessage();
    }

    @Test
    void opensAVerifiedFolder() throws Exception {
        try (ModelPackage pkg = ModelPackage.open(TestPackages.dir("synthetic"))) {
            assertEquals("radlens-synthetic", pkg.manifest().name());
            assertTrue(Files.isRegularFile(pkg.file("image_encoder.onnx")));
            assertThrows(ModelLoadException.class, () -> pkg.file("radlens-model.json"));
        }
    }

    @Test
    void missingFileIsNamed() throws Exception {
        Path p = TestPackages.copy("synthetic", tmp.resolve("pkg"));
        Files.delete(p.resolve("tokenizer.json"));
        assertEquals("tokenizer.json: missing from the model package (listed in radlens-model.json)", failure(p));
    }

    @Test
    void wrongChecksumIsNamed() throws Exception {
        Path p = TestPackages.copy("synthetic", tmp.resolve("pkg"));
        byte[] b = Files.readAllBytes(p.resolve("text_encoder.onnx"));
        b[b.length / 2] ^= 1;
        Files.write(p.resolve("text_encoder.onnx"), b);
        String msg = failure(p);
        assertTrue(msg.startsWith("text_encoder.onnx: wrong checksum: sha256 is "), msg);
    }

    @Test
    void missingManifestAndUnlistedReferencesAreRefused() throws Exception {
        Path p = TestPackages.copy("synthetic", tmp.resolve("pkg"));
        String json = Files.readString(p.resolve(ManifestParser.FILE));
        Files.writeString(p.resolve(ManifestParser.FILE), json.replaceFirst("\"tokenizer.json\": \"[0-9a-f]+\",?", ""));
        assertTrue(failure(p).startsWith("tokenizer.json: referenced by radlens-model.json but not listed"));
        Files.delete(p.resolve(ManifestParser.FILE));
        assertTrue(failure(p).startsWith("radlens-model.json: missing in model package"));
        assertTrue(failure(tmp.resolve("nowhere")).contains("no such model package"));
    }

    @Test
    void identityIsTheManifestsSha256TheSameForAFolderAndItsZip() throws Exception {
        Path dir = TestPackages.dir("synthetic");
        Path zip = zipOf(dir, tmp.resolve("pkg.zip"), "");
        String manifestSha = Sha256.hex(dir.resolve(ManifestParser.FILE));
        try (ModelPackage folder = ModelPackage.open(dir); ModelPackage zipped = ModelPackage.open(zip, CAPS, cache())) {
            assertEquals(manifestSha, folder.identity());
            assertEquals(manifestSha, zipped.identity());
            assertFalse(Sha256.hex(zip).equals(zipped.identity()), "the zip's own hash is not the identity");
        }
        Path changed = TestPackages.copy("synthetic", tmp.resolve("changed"));
        Files.writeString(changed.resolve(ManifestParser.FILE), " ", java.nio.file.StandardOpenOption.APPEND);
        try (ModelPackage other = ModelPackage.open(changed)) {
            assertFalse(manifestSha.equals(other.identity()), "another manifest, another identity");
        }
    }

    @Test
    void sha256HexOfBytesAndOfAFileAgree() throws Exception {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(new byte[0]));
        Path f = Files.write(tmp.resolve("abc"), "abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex(f));
        assertEquals(Sha256.hex(f), Sha256.hex(Files.readAllBytes(f)));
    }

    private DiskCache cache() {
        return new DiskCache(tmp.resolve("cache"));
    }

    private static final SafeUnzip CAPS = new SafeUnzip(100, 1 << 30, 1 << 30);
    /** Refuses to unpack anything: opening through it succeeds only from the cache. */
    private static final SafeUnzip NEVER = new SafeUnzip(0, 1 << 30, 1 << 30);

    private String refusal(Path zip, SafeUnzip unzip) {
        return assertThrows(ModelLoadException.class, () -> ModelPackage.open(zip, unzip, cache())).getMessage();
    }

    /** Everything under the cache's packages area: no entry, no half-written temporary folder. */
    private List<Path> cached() throws IOException {
        Path area = tmp.resolve("cache").resolve(PackageCache.AREA);
        if (!Files.isDirectory(area)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(area)) {
            return s.toList();
        }
    }

    @Test
    void aZipIsUnpackedOnceIntoTheCacheKeyedByItsSha256AndReused() throws Exception {
        Path zip = zipOf(TestPackages.dir("synthetic"), tmp.resolve("pkg.zip"), "");
        Path root;
        try (ModelPackage pkg = ModelPackage.open(zip, CAPS, cache())) {
            root = pkg.root();
            assertEquals(tmp.resolve("cache/packages").resolve(Sha256.hex(zip)), root);
            assertTrue(Files.isRegularFile(root.resolve("image_encoder.onnx")));
            assertEquals(zip, pkg.source());
        }
        assertTrue(Files.isRegularFile(root.resolve("image_encoder.onnx")), "the copy stays for later runs");
        Object inode = Files.readAttributes(root.resolve("image_encoder.onnx"), BasicFileAttributes.class).fileKey();
        try (ModelPackage again = ModelPackage.open(zip, NEVER, cache())) {
            assertEquals(root, again.root());
            assertEquals(inode, Files.readAttributes(again.file("image_encoder.onnx"), BasicFileAttributes.class)
                    .fileKey(), "the second load reads the same file, not a new copy");
        }
        assertEquals(List.of(root), cached());
    }

    @Test
    void aTamperedCachedFileOrManifestIsDetected() throws Exception {
        Path zip = zipOf(TestPackages.dir("synthetic"), tmp.resolve("pkg.zip"), "");
        Path root;
        try (ModelPackage pkg = ModelPackage.open(zip, CAPS, cache())) {
            root = pkg.root();
        }
        Path onnx = root.resolve("text_encoder.onnx");
        byte[] good = Files.readAllBytes(onnx);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 1;
        Files.write(onnx, bad);
        String msg = refusal(zip, NEVER);
        assertTrue(msg.contains("unpacked copy in the model cache was changed after unpacking (text_encoder.onnx: "
                + "wrong checksum"), msg);
        assertTrue(msg.contains("delete " + root), msg);
        Files.write(onnx, good);
        Path mf = root.resolve(ManifestParser.FILE);
        Files.writeString(mf, Files.readString(mf).replace("radlens-synthetic", "radlens-other"));
        msg = refusal(zip, NEVER);
        assertTrue(msg.contains("(radlens-model.json differs from the zip's)"), msg);
    }

    @Test
    void concurrentFirstLoadsShareOneCopy() throws Exception {
        Path zip = zipOf(TestPackages.dir("synthetic"), tmp.resolve("pkg.zip"), "");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> roots = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                roots.add(pool.submit(() -> {
                    try (ModelPackage pkg = ModelPackage.open(zip, CAPS, cache())) {
                        return pkg.root();
                    }
                }));
            }
            for (Future<Path> r : roots) {
                assertEquals(roots.get(0).get(), r.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, cached().size(), cached().toString());
    }

    @Test
    void opensAZipWrappingThePackageInOneFolder() throws Exception {
        Path zip = zipOf(TestPackages.dir("synthetic"), tmp.resolve("pkg.zip"), "synthetic/");
        try (ModelPackage pkg = ModelPackage.open(zip, CAPS, cache())) {
            assertEquals("radlens-synthetic", pkg.manifest().name());
        }
        try (ModelPackage pkg = ModelPackage.open(zip, NEVER, cache())) {
            assertEquals("radlens-synthetic", pkg.manifest().name());
        }
    }

    @Test
    void aZipWithBadChecksumsIsNotKeptInTheCache() throws Exception {
        Path p = TestPackages.copy("synthetic", tmp.resolve("pkg"));
        Files.writeString(p.resolve("tokenizer.json"), "{}");
        String msg = refusal(zipOf(p, tmp.resolve("bad.zip"), ""), CAPS);
        assertTrue(msg.startsWith("tokenizer.json: wrong checksum"), msg);
        assertEquals(List.of(), cached());
    }

    @Test
    void zipSlipIsRefusedAndNothingIsWrittenOutside() throws Exception {
        Path zip = tmp.resolve("evil.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("../../escaped.txt"));
            z.write("x".getBytes());
            z.closeEntry();
        }
        String msg = refusal(zip, CAPS);
        assertTrue(msg.contains("'../../escaped.txt' would be written outside the package folder (zip-slip)"), msg);
        try (Stream<Path> all = Files.walk(tmp)) {
            assertEquals(List.of(), all.filter(f -> f.endsWith("escaped.txt")).toList());
        }
        assertEquals(List.of(), cached());
    }

    @Test
    void entryCountAndSizeCapsRefuseBeforeWritingAndNameTheEntry() throws Exception {
        Path zip = tmp.resolve("many.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 5; i++) {
                z.putNextEntry(new ZipEntry("f" + i));
                z.write(new byte[1000]);
                z.closeEntry();
            }
        }
        String many = refusal(zip, new SafeUnzip(3, 1 << 20, 1 << 20));
        assertTrue(many.contains("more than 3 entries"), many);
        String big = refusal(zip, new SafeUnzip(100, 999, 1 << 20));
        assertTrue(big.startsWith("many.zip: entry 'f0' is larger than 999 bytes (1000 or more), the cap for one "
                + "model file (radlens.model.maxEntryBytes); refusing to unpack"), big);
        String total = refusal(zip, new SafeUnzip(100, 1 << 20, 2500));
        assertTrue(total.contains("more than 2500 bytes uncompressed in total"), total);
        assertEquals(List.of(), cached(), "a refused zip leaves nothing in the cache");
    }

    @Test
    void aLyingCentralDirectoryStopsAtTheCapWhileCopying() throws Exception {
        Path zip = tmp.resolve("liar.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("weights.bin"));
            z.write(new byte[50_000]);
            z.closeEntry();
        }
        byte[] b = Files.readAllBytes(zip);
        int cd = lastIndexOf(b, new byte[] {'P', 'K', 1, 2});
        b[cd + 24] = 10;   // uncompressed size in the central directory: 10 bytes instead of 50,000
        b[cd + 25] = 0;
        b[cd + 26] = 0;
        b[cd + 27] = 0;
        Files.write(zip, b);
        String msg = refusal(zip, new SafeUnzip(10, 20_000, 1 << 20));
        assertTrue(msg.startsWith("liar.zip: entry 'weights.bin' is larger than 20000 bytes"), msg);
        assertEquals(List.of(), cached());
    }

    @Test
    void aZipBombRatioIsRefusedBeforeInflating() throws Exception {
        Path zip = tmp.resolve("zeros.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("image_encoder.onnx"));
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 80; i++) {
                z.write(block);
            }
            z.closeEntry();
        }
        String msg = refusal(zip, CAPS);
        assertTrue(msg.startsWith("zeros.zip: entry 'image_encoder.onnx' inflates "), msg);
        assertTrue(msg.contains(" to 83886080 ("), msg);
        assertEquals(List.of(), cached());
    }

    private static int lastIndexOf(byte[] b, byte[] pattern) {
        for (int i = b.length - pattern.length; i >= 0; i--) {
            if (Arrays.equals(Arrays.copyOfRange(b, i, i + pattern.length), pattern)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }

    @Test
    void aFileThatIsNeitherFolderNorZipIsRefused() throws Exception {
        Path f = Files.writeString(tmp.resolve("model.onnx"), "not a zip");
        assertTrue(failure(f).contains("neither a folder nor a zip"));
    }

    static Path zipOf(Path dir, Path zip, String prefix) throws IOException {
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os);
             Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    z.putNextEntry(new ZipEntry(prefix + dir.relativize(p).toString().replace('\\', '/')));
                    z.write(Files.readAllBytes(p));
                    z.closeEntry();
                }
            }
        }
        return zip;
    }
}
