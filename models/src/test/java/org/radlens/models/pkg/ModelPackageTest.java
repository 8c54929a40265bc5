package org.radlens.models.pkg;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.models.ModelLoadException;
import org.radlens.models.testing.TestPackages;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void opensAZipAndDeletesItsTemporaryFolderOnClose() throws Exception {
        Path zip = zipOf(TestPackages.dir("synthetic"), tmp.resolve("pkg.zip"), "");
        Path root;
        try (ModelPackage pkg = ModelPackage.open(zip)) {
            root = pkg.root();
            assertTrue(Files.isRegularFile(root.resolve("image_encoder.onnx")));
            assertEquals(zip, pkg.source());
        }
        assertFalse(Files.exists(root));
    }

    @Test
    void opensAZipWrappingThePackageInOneFolder() throws Exception {
        Path zip = zipOf(TestPackages.dir("synthetic"), tmp.resolve("pkg.zip"), "synthetic/");
        try (ModelPackage pkg = ModelPackage.open(zip)) {
            assertEquals("radlens-synthetic", pkg.manifest().name());
        }
    }

    @Test
    void zipSlipIsRefusedAndNothingIsWrittenOutside() throws Exception {
        Path zip = tmp.resolve("evil.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("../../escaped.txt"));
            z.write("x".getBytes());
            z.closeEntry();
        }
        String msg = failure(zip);
        assertTrue(msg.contains("'../../escaped.txt' would be written outside the package folder (zip-slip)"), msg);
        assertFalse(Files.exists(Path.of(System.getProperty("java.io.tmpdir")).resolve("escaped.txt")));
    }

    @Test
    void entryCountAndSizeCapsStopUnpacking() throws Exception {
        Path zip = tmp.resolve("many.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 5; i++) {
                z.putNextEntry(new ZipEntry("f" + i));
                z.write(new byte[1000]);
                z.closeEntry();
            }
        }
        String many = assertThrows(ModelLoadException.class,
                () -> ModelPackage.open(zip, new SafeUnzip(3, 1 << 20, 1 << 20))).getMessage();
        assertTrue(many.contains("more than 3 entries"), many);
        String big = assertThrows(ModelLoadException.class,
                () -> ModelPackage.open(zip, new SafeUnzip(100, 999, 1 << 20))).getMessage();
        assertTrue(big.contains("entry 'f0' is larger than 999 bytes"), big);
        String total = assertThrows(ModelLoadException.class,
                () -> ModelPackage.open(zip, new SafeUnzip(100, 1 << 20, 2500))).getMessage();
        assertTrue(total.contains("more than 2500 bytes uncompressed in total"), total);
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
