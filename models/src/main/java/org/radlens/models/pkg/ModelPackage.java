package org.radlens.models.pkg;

import org.radlens.models.ModelLoadException;
import org.radlens.models.cache.DiskCache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An opened, verified model package: a folder, or a zip of its contents unpacked once into the user's model cache
 * ({@code ~/.cache/radlens/packages/<sha256 of the zip>}, see {@link PackageCache}) and reused by later runs. Zips are
 * refused before anything is written when an entry or the total exceeds the caps ({@link PackageLimits}: 2 GiB by
 * default, {@code -Dradlens.model.maxBytes} / {@code RADLENS_MODEL_MAX_BYTES}). Opening checks the manifest, that every
 * file it refers to is listed in {@code files}, and the size and sha256 of every listed file, every time.
 *
 * <pre>{@code
 * try (ModelPackage pkg = ModelPackage.open(Path.of("models/packages/default"))) {
 *     Path onnx = pkg.file(pkg.manifest().image().file());
 * }
 * }</pre>
 */
public final class ModelPackage implements AutoCloseable {
    private final Path source;
    private final Path root;
    private final ModelManifest manifest;
    private final String identity;

    private ModelPackage(Path source, Path root, ModelManifest manifest, String identity) {
        this.source = source;
        this.root = root;
        this.manifest = manifest;
        this.identity = identity;
    }

    /** Opens a package folder or zip (through the user's cache, with this process's caps) and verifies it. */
    public static ModelPackage open(Path path) throws ModelLoadException {
        return open(path, PackageLimits.standard().unzip(), DiskCache.standard());
    }

    static ModelPackage open(Path path, SafeUnzip unzip, DiskCache cache) throws ModelLoadException {
        if (Files.isDirectory(path)) {
            return verified(path, path.toAbsolutePath().normalize(), unzip.maxEntryBytes());
        }
        if (!Files.isRegularFile(path)) {
            throw new ModelLoadException(path + ": no such model package (neither a folder nor a zip)");
        }
        if (!isZip(path)) {
            throw new ModelLoadException(path + ": not a model package: neither a folder nor a zip file");
        }
        PackageCache.Unpacked u = PackageCache.unpacked(path, unzip, cache);
        try {
            return verified(path, u.root(), unzip.maxEntryBytes());
        } catch (ModelLoadException e) {
            if (u.fresh()) {
                PackageCache.forget(u);
                throw e;
            }
            throw PackageCache.changed(path, u.folder(), e.getMessage());
        }
    }

    /** The parsed manifest. */
    public ModelManifest manifest() {
        return manifest;
    }

    /**
     * The model's identity: the lower-case hex sha256 of {@code radlens-model.json} exactly as read and verified. The
     * manifest lists the sha256 of every other file, so this one hash covers the whole package, and a folder and its
     * zip (any zip tool, any entry order or timestamps) have the same identity. SR/SEG/SC objects, their UIDs and the
     * evaluation reports all name the model by it (models/MODEL-PACKAGE.md, "Identity").
     */
    public String identity() {
        return identity;
    }

    /** Where the package was opened from (folder or zip). */
    public Path source() {
        return source;
    }

    /** The folder holding the package files (for a zip, its copy in the model cache). */
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

    /** Nothing to free: a zip's unpacked copy stays in the cache for the next run. */
    @Override
    public void close() {
        // the cached copy is shared with other runs; it is never deleted here
    }

    @Override
    public String toString() {
        return "ModelPackage[" + manifest.name() + " " + manifest.version() + " from " + source + "]";
    }

    private static ModelPackage verified(Path source, Path root, long maxFileBytes) throws ModelLoadException {
        Path mf = root.resolve(ManifestParser.FILE);
        if (!Files.isRegularFile(mf)) {
            throw new ModelLoadException(ManifestParser.FILE + ": missing in model package " + source);
        }
        ModelManifest manifest;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(mf);
            manifest = ManifestParser.parse(new String(bytes, StandardCharsets.UTF_8));
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
            verifyFile(root, e.getKey(), e.getValue(), maxFileBytes);
        }
        return new ModelPackage(source, root, manifest, Sha256.hex(bytes));
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

    private static void verifyFile(Path root, String name, String expectedSha, long maxFileBytes)
            throws ModelLoadException {
        Path p = PackagePaths.resolveInside(root, name);
        if (!Files.isRegularFile(p)) {
            throw new ModelLoadException(name + ": missing from the model package (listed in "
                    + ManifestParser.FILE + ")");
        }
        try {
            long size = Files.size(p);
            if (size > maxFileBytes) {
                throw new ModelLoadException(name + ": " + size + " bytes, more than the " + maxFileBytes
                        + " allowed for one model file (" + PackageLimits.ENTRY_PROPERTY + ")");
            }
            String actual = Sha256.hex(p);
            if (!actual.equals(expectedSha)) {
                throw new ModelLoadException(name + ": wrong checksum: sha256 is " + actual + ", "
                        + ManifestParser.FILE + " says " + expectedSha);
            }
        } catch (IOException e) {
            throw new ModelLoadException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static boolean isZip(Path p) throws ModelLoadException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] magic = in.readNBytes(4);
            return Arrays.equals(magic, new byte[] {'P', 'K', 3, 4}) || Arrays.equals(magic, new byte[] {'P', 'K', 5, 6});
        } catch (IOException e) {
            throw new ModelLoadException(p + ": cannot read: " + e.getMessage(), e);
        }
    }
}
