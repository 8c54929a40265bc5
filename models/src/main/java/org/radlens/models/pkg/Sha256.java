package org.radlens.models.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one sha256 helper of RadLens above dicom-io (lower-case hex): package file checksums, the model identity
 * ({@link ModelPackage#identity()}), the zip cache key and the data manifests of validation. dicom-io, which may not
 * import models, keeps {@code DerivedUids.sha256Hex} for its UIDs and codes and gets the model identity as a value.
 */
public final class Sha256 {
    private Sha256() {
    }

    /** Lower-case hex sha256 of a file's bytes, read in 64 KiB blocks. */
    public static String hex(Path file) throws IOException {
        MessageDigest md = digest();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Lower-case hex sha256 of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
