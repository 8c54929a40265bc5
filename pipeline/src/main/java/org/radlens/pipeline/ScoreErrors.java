package org.radlens.pipeline;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.file.FileSystemException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.radlens.dicomio.ReadFailures;
import org.radlens.dicomio.web.DicomWebException;

/**
 * One-line error texts for error rows (the message chain in plain words, without stack traces or class names), and
 * which failures are transient: a full disk, an I/O error, a server that cannot be reached or answers "try later".
 * Those are retried by the next run instead of being stored as the item's result.
 */
public final class ScoreErrors {
    /**
     * The operating system's texts (errno strings) of passing file-system conditions: the JDK reports them only as
     * the reason of a {@link FileSystemException} or the message of a plain {@link IOException}, with no type of
     * their own.
     */
    private static final List<String> OS_TEXTS = List.of("no space left on device", "disk quota exceeded",
            "input/output error", "read-only file system", "too many open files");

    /**
     * Every transient condition in words: for error rows of older journals (text only) and plain {@link IOException}s.
     */
    private static final List<String> TRANSIENT_TEXTS = List.of("no space left on device", "disk quota exceeded",
            "input/output error", "read-only file system", "connection refused", "connection reset",
            "timed out", "network is unreachable", "no route to host", "broken pipe", "too many open files",
            "http 429", "http 502", "http 503", "http 504", "unreachable");

    /** HTTP statuses that mean "try later": too many requests, bad gateway, unavailable, gateway timeout. */
    private static final Set<Integer> BUSY = Set.of(429, 502, 503, 504);

    private ScoreErrors() {
    }

    /** The failure in plain words (dicom-io's {@link ReadFailures}: no stack trace, no Java class names). */
    public static String describe(Throwable e) {
        return ReadFailures.describe(e).replace('\n', ' ');
    }

    /**
     * True when {@code e} or a cause is, by its type: a network failure ({@link SocketException} — refused, reset,
     * broken pipe, no route —, {@link SocketTimeoutException}, {@link HttpTimeoutException}), a DICOMweb answer
     * "try later" ({@link DicomWebException#status()} 429, 502, 503, 504), or a file-system failure whose
     * operating-system reason is passing (full disk, quota, I/O error, read-only, too many open files). Text decides
     * only where the JDK has no type: the reason of a {@link FileSystemException} (never its file names) and the
     * message of a plain {@link IOException} (errno texts, and the network failures the JDK's HTTP client reports
     * untyped, e.g. "Connection reset"); a message of any other exception type (an unreadable image whose file name
     * says "timed out") never makes an item transient.
     */
    public static boolean isTransient(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SocketException || c instanceof SocketTimeoutException
                    || c instanceof HttpTimeoutException
                    || c instanceof DicomWebException w && BUSY.contains(w.status())
                    || c instanceof FileSystemException f && osText(f.getReason())
                    || c.getClass() == IOException.class && isTransientMessage(String.valueOf(c.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean osText(String text) {
        String m = String.valueOf(text).toLowerCase(Locale.ROOT);
        return OS_TEXTS.stream().anyMatch(m::contains);
    }

    /** True when an error text names a passing condition (for error rows of older journals, which are text only). */
    public static boolean isTransientMessage(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return TRANSIENT_TEXTS.stream().anyMatch(m::contains);
    }

    /** The row of an item that failed with {@code e}: transient or for good. */
    public static ResultRow row(String id, Exception e) {
        String text = describe(e);
        return isTransient(e) ? ResultRow.transientFailure(id, text) : ResultRow.failure(id, text);
    }
}
