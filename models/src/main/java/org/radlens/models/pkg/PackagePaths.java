package org.radlens.models.pkg;

import org.radlens.models.ModelLoadException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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

    /** Lower-case hex sha256 of a file. */
    static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
