package org.radlens.models.pkg;

import org.radlens.models.ModelLoadException;

import java.nio.file.Files;
import java.nio.file.Path;

/** File-name rules and checksums for package members. */
final class PackagePaths {
    private PackagePaths() {
    }

    /** Refuses names that could leave the package folder: absolute, {@code ..}, backslashes, empty parts. */
    static void checkRelative(String name) throws ModelLoadException {
        boolean bad = name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0")
                || name.matches("^[A-Za-z]:.*");
        for (String part : name.split("/", -1)) {
            bad |= part.isEmpty() || part.equals("..") || part.equals(".");
        }
        if (bad) {
            throw new ModelLoadException(ManifestParser.FILE + ": file name '" + name
                    + "' is not a plain relative path inside the package");
        }
    }

    /** Resolves a checked relative name under root, refusing anything that normalises outside it. */
    static Path resolveInside(Path root, String name) throws ModelLoadException {
        checkRelative(name);
        Path p = root.resolve(name).normalize();
        if (!p.startsWith(root.normalize())) {
            throw new ModelLoadException("'" + name + "' resolves outside the package folder " + root);
        }
        return p;
    }
}
