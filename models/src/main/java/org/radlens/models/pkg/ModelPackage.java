package org.radlens.models.pkg;

import org.radlens.models.ModelLoadException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An opened, verified model package: a folder, or a zip of its contents unpacked into a private temporary folder that
 * {@link #close()} deletes. Opening checks the manifest, that every file it refers to is listed in {@code files},
 * and the size and sha256 of every listed file.
 *
 * <pre>{@code
 * try (ModelPackage pkg = ModelPackage.open(Path.of("models/packages/default"))) {
 *     Path onnx = pkg.file(pkg.manifest().image().file());
 * }
 * }</pre>
 */
public final class ModelPackage implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ModelPackage.class);
    /** Largest accepted member file (and zip entry): 4 GiB. */
    public static final long MAX_FILE_BYTES = 4L << 30;
    private static final SafeUnzip UNZIP = new SafeUnzip(1000, MAX_FILE_BYTES, 8L << 30);

    private final Path source;
    private final Path root;
    private final Path tempDir;
    private final ModelManifest manifest;

    private ModelPackage(Path source, Path root, Path tempDir, ModelManifest manifest) {
        this.source = source;
        this.root = root;
        this.tempDir = tempDir;
        this.manifest = manifest;
    }

    /** Opens a package folder or zip and verifies it. */
    public static ModelPackage open(Path path) throws ModelLoadException {
        return open(path, UNZIP);
    }

    static ModelPackage open(Path path, SafeUnzip unzip) throws ModelLoadException {
        if (Files.isDirectory(path)) {
            return verified(path, path.toAbsolutePath().normalize(), null);
        }
        if (!Files.isRegularFile(path)) {
            throw new ModelLoadException(path + ": no such model package (neither a folder nor a zip)");
        }
        if (!isZip(path)) {
            throw new ModelLoadException(path + ": not a model package: neither a folder nor a zip file");
        }
        Path temp = null;
        try {
            temp = Files.createTempDirectory("radlens-model-");
            unzip.extract(path, temp);
            return verified(path, contentRoot(temp), temp);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new ModelLoadException(path + ": cannot unpack: " + e.getMessage(), e);
        } catch (ModelLoadException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** The parsed manifest. */
    public ModelManifest manifest() {
        return manifest;
    }

    /** Where the package was opened from (folder or zip). */
    public Path source() {
        return source;
    }

    /** The folder holding the package files (a temporary one for zips). */
    public Path root() {
        return root;
    }

    /** Path of a member listed in the manifest's {@code files}. */
    public Path file(String name) throws ModelLoadException {
        if (!manifest.files().containsKey(name)) {
            throw new ModelLoadException(name + ": not listed in " + ManifestParser.FILE + " files of " + source);
        }
        return PackagePaths.resolveInside(root, name);
    }

    /** Deletes the temporary folder of an unpacked zip; a folder package is left alone. */
    @Override
    public void close() {
        deleteQuietly(tempDir);
    }

    @Override
    public String toString() {
        return "ModelPackage[" + manifest.name() + " " + manifest.version() + " from " + source + "]";
    }

    private static ModelPackage verified(Path source, Path root, Path temp) throws ModelLoadException {
        Path mf = root.resolve(ManifestParser.FILE);
        if (!Files.isRegularFile(mf)) {
            throw new ModelLoadException(ManifestParser.FILE + ": missing in model package " + source);
        }
        ModelManifest manifest;
        try (Reader r = Files.newBufferedReader(mf, StandardCharsets.UTF_8)) {
            manifest = ManifestParser.parse(r);
        } catch (IOException e) {
            throw new ModelLoadException(ManifestParser.FILE + ": cannot read in " + source + ": " + e.getMessage(), e);
        }
        for (String ref : referencedFiles(manifest)) {
            if (!manifest.files().containsKey(ref)) {
                throw new ModelLoadException(ref + ": referenced by " + ManifestParser.FILE
                        + " but not listed in its files (no checksum)");
            }
        }
        for (var e : manifest.files().entrySet()) {
            verifyFile(root, e.getKey(), e.getValue());
        }
        return new ModelPackage(source, root, temp, manifest);
    }

    private static Set<String> referencedFiles(ModelManifest m) {
        Set<String> refs = new LinkedHashSet<>();
        refs.add(m.image().file());
        refs.add(m.text().file());
        refs.add(m.text().tokenizer());
        m.outputs().segmentation().ifPresent(s -> refs.add(s.file()));
        m.inputGate().ifPresent(refs::add);
        return refs;
    }

    private static void verifyFile(Path root, String name, String expectedSha) throws ModelLoadException {
        Path p = PackagePaths.resolveInside(root, name);
        if (!Files.isRegularFile(p)) {
            throw new ModelLoadException(name + ": missing from the model package (listed in "
                    + ManifestParser.FILE + ")");
        }
        try {
            long size = Files.size(p);
            if (size > MAX_FILE_BYTES) {
                throw new ModelLoadException(name + ": " + size + " bytes, more than the " + MAX_FILE_BYTES
                        + " allowed");
            }
            String actual = PackagePaths.sha256(p);
            if (!actual.equals(expectedSha)) {
                throw new ModelLoadException(name + ": wrong checksum: sha256 is " + actual + ", "
                        + ManifestParser.FILE + " says " + expectedSha);
            }
        } catch (IOException e) {
            throw new ModelLoadException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The unpacked folder, or its single top-level folder when the zip wraps the package in one. */
    private static Path contentRoot(Path temp) throws IOException {
        if (Files.exists(temp.resolve(ManifestParser.FILE))) {
            return temp;
        }
        try (Stream<Path> s = Files.list(temp)) {
            Path[] children = s.toArray(Path[]::new);
            if (children.length == 1 && Files.isDirectory(children[0])) {
                return children[0];
            }
        }
        return temp;
    }

    private static boolean isZip(Path p) throws ModelLoadException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] magic = in.readNBytes(4);
            return Arrays.equals(magic, new byte[] {'P', 'K', 3, 4}) || Arrays.equals(magic, new byte[] {'P', 'K', 5, 6});
        } catch (IOException e) {
            throw new ModelLoadException(p + ": cannot read: " + e.getMessage(), e);
        }
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not delete temporary model folder {}", dir, e);
        }
    }
}
