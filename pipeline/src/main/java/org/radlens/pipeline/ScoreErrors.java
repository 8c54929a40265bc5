package org.radlens.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.radlens.dicomio.ReadFailures;

/**
 * One-line error texts for error rows (the message chain in plain words, without stack traces or class names), and which failures are transient:
 * a full disk, an I/O error, a server that cannot be reached or answers "try later". Those are retried by the next
 * run instead of being stored as the item's result.
 */
public final class ScoreErrors {
    /** Messages of passing conditions (errno texts of the JDK and of our own DICOMweb client). */
    private static final List<String> TRANSIENT_TEXTS = List.of("no space left on device", "disk quota exceeded",
            "input/output error", "read-only file system", "connection refused", "connection reset",
            "timed out", "network is unreachable", "no route to host", "broken pipe", "too many open files",
            "http 429", "http 502", "http 503", "http 504", "unreachable");

    private ScoreErrors() {
    }

    /** The failure in plain words (dicom-io's {@link ReadFailures}: no stack trace, no Java class names). */
    public static String describe(Throwable e) {
        return ReadFailures.describe(e).replace('\n', ' ');
    }

    /**
     * True when {@code e} or a cause is a network failure ({@link java.net.ConnectException},
     * {@link java.net.SocketTimeoutException}, {@link java.net.http.HttpTimeoutException}) or an I/O exception whose
     * text names a passing condition ({@link #isTransientMessage}).
     */
    public static boolean isTransient(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.net.ConnectException || c instanceof java.net.SocketTimeoutException
                    || c instanceof java.net.http.HttpTimeoutException
                    || c instanceof java.net.NoRouteToHostException) {
                return true;
            }
            if (c instanceof IOException && isTransientMessage(String.valueOf(c.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    /** True when an error text names a passing condition (also used for error rows of older journals). */
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
