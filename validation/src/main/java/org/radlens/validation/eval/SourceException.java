package org.radlens.validation.eval;

/** A prediction source failed on one item (unreadable image, inference error, missing precomputed value). */
public class SourceException extends Exception {
    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
