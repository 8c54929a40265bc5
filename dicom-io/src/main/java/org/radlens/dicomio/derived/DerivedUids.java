package org.radlens.dicomio.derived;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Deterministic DICOM UIDs for derived objects: {@code 2.25.<decimal of the first 128 bits of
 * sha256(parts joined by '|')>} (the ISO/IEC 9834-8 UUID arc). The same source SOP Instance UID, model sha256 and kind
 * always give the same UID, so a retried item writes the same SR/SEG instance instead of a second one.
 *
 * <pre>{@code
 * String srUid = DerivedUids.derive(sourceSopUid, modelSha256, "sr");   // at most 44 characters
 * }</pre>
 */
public final class DerivedUids {
    private DerivedUids() {
    }

    /** A UID from the given parts (order matters); each part must be non-null. */
    public static String derive(String... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("at least one part is needed");
        }
        byte[] digest = sha256(String.join("|", parts));
        return "2.25." + new BigInteger(1, Arrays.copyOf(digest, 16));
    }

    /** Lower-case hex sha256 of UTF-8 {@code text}. */
    public static String sha256Hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : sha256(bytes)) {
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }

    private static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
