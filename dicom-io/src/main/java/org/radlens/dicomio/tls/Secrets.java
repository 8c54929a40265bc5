package org.radlens.dicomio.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where secrets come from: an environment variable or a file that only its owner may read, never the command line
 * (where {@code ps} shows it to every local user). A source is written like OpenSSL's {@code -passin}:
 * {@code env:VAR} or {@code file:PATH}; anything else is refused, so a password typed in its place is never used.
 *
 * <pre>{@code
 * char[] pw = Secrets.password("env:RADLENS_TLS_KEYSTORE_PASSWORD", System.getenv(), "--tls-keystore-password");
 * }</pre>
 */
public final class Secrets {
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private Secrets() {
    }

    /**
     * The secret named by {@code source} ({@code env:VAR} or {@code file:PATH}; a file's first line, trailing
     * newline removed). {@code what} names the option in messages. Throws {@link IllegalArgumentException} for a
     * source in another form, an unset variable, or a file that is missing or readable by group/others.
     */
    public static char[] password(String source, Map<String, String> env, String what) {
        if (source.startsWith("env:")) {
            String var = source.substring(4);
            String v = env.get(var);
            if (v == null || v.isEmpty()) {
                throw new IllegalArgumentException(what + ": environment variable " + var + " is not set");
            }
            return v.toCharArray();
        }
        if (source.startsWith("file:")) {
            return firstLine(Path.of(source.substring(5)), what).toCharArray();
        }
        throw new IllegalArgumentException(what + " takes env:VARIABLE or file:PATH (like openssl -passin), "
                + "never the secret itself on the command line");
    }

    /** The first line of an owner-only file (see {@link #requireOwnerOnly}). */
    public static String firstLine(Path file, String what) {
        requireOwnerOnly(file, what);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            String line = (nl < 0 ? text : text.substring(0, nl)).replace("\r", "");
            if (line.isEmpty()) {
                throw new IllegalArgumentException(what + ": " + file + " is empty");
            }
            return line;
        } catch (IOException e) {
            throw new IllegalArgumentException(what + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a missing file, or one that group or others may read or write (where POSIX permissions exist). */
    public static void requireOwnerOnly(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + ": " + file + " does not exist or is not a file");
        }
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return; // no POSIX permissions on this file system: nothing to check
        }
        try {
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            if (perms.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                throw new IllegalArgumentException(what + ": " + file + " is accessible by group or others ("
                        + java.nio.file.attribute.PosixFilePermissions.toString(perms) + "); run chmod 600 " + file);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(what + ": cannot read the permissions of " + file, e);
        }
    }
}
