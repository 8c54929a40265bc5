package org.radlens.models.pkg;

import org.radlens.models.ModelLoadException;
import org.radlens.models.cache.DiskCache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Package zips unpacked once into {@code cache/packages/<sha256 of the zip>} ({@link DiskCache}: written atomically,
 * safe for concurrent runs) and reused by later runs. A reused copy is trusted only as far as it matches the zip: its
 * manifest must equal the zip's byte for byte, and {@link ModelPackage} then checks every listed file's sha256.
 */
final class PackageCache {
    static final String AREA = "packages";
    private static final long MAX_MANIFEST_BYTES = 16L << 20;

    private PackageCache() {
    }

    /** An unpacked package: its cache folder, the folder holding the manifest, and whether this call unpacked it. */
    record Unpacked(Path folder, Path root, boolean fresh) {
    }

    /** Unpacks {@code zip} unless its copy is already cached; checks a cached copy's manifest against the zip. */
    static Unpacked unpacked(Path zip, SafeUnzip unzip, DiskCache cache) throws ModelLoadException {
        String sha;
        try {
            sha = Sha256.hex(zip);
        } catch (IOException e) {
            throw new ModelLoadException(zip + ": cannot read: " + e.getMessage(), e);
        }
        Path folder = cache.path(AREA, sha);
        boolean fresh = !Files.isDirectory(folder);
        try {
            cache.entry(AREA, sha, dir -> unzip.extract(zip, dir));
            Path root = contentRoot(folder);
            if (!fresh) {
                checkManifest(zip, folder, root);
            }
            return new Unpacked(folder, root, fresh);
        } catch (IOException e) {
            throw new ModelLoadException(zip + ": cannot unpack into the model cache " + cache.root() + ": "
                    + e.getMessage() + " (set " + DiskCache.ENV + " to a writable folder)", e);
        }
    }

    /** Deletes a cached copy that failed verification right after unpacking (the zip itself is bad). */
    static void forget(Unpacked u) {
        try {
            DiskCache.deleteTree(u.folder());
        } catch (IOException e) {
            // the next run finds the same bad copy and fails with the same message
        }
    }

    private static void checkManifest(Path zip, Path folder, Path root) throws ModelLoadException, IOException {
        Path mf = root.resolve(ManifestParser.FILE);
        String entry = folder.relativize(mf).toString().replace('\\', '/');
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry e = z.getEntry(entry);
            if (e == null || !Files.isRegularFile(mf) || e.getSize() > MAX_MANIFEST_BYTES) {
                throw changed(zip, folder, ManifestParser.FILE + " is not the zip's");
            }
            byte[] want;
            try (InputStream in = z.getInputStream(e)) {
                want = in.readNBytes((int) MAX_MANIFEST_BYTES);
            }
            if (!Arrays.equals(want, Files.readAllBytes(mf))) {
                throw changed(zip, folder, ManifestParser.FILE + " differs from the zip's");
            }
        }
    }

    /** The message for a cached copy that no longer matches its zip. */
    static ModelLoadException changed(Path zip, Path folder, String what) {
        return new ModelLoadException(zip + ": the unpacked copy in the model cache was changed after unpacking ("
                + what + "); delete " + folder + " and run again to unpack it afresh");
    }

    /** The unpacked folder, or its single top-level folder when the zip wraps the package in one. */
    private static Path contentRoot(Path dir) throws IOException {
        if (Files.exists(dir.resolve(ManifestParser.FILE))) {
            return dir;
        }
        try (Stream<Path> s = Files.list(dir)) {
            Path[] children = s.toArray(Path[]::new);
            if (children.length == 1 && Files.isDirectory(children[0])) {
                return children[0];
            }
        }
        return dir;
    }
}
