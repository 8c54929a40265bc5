package org.radlens.dicomio;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file could not be read into an image or volume. Always names the file (never patient data); the cause, if any,
 * is chained. Subclasses say why: {@link UnsupportedFormatException}, {@link CorruptFileException},
 * {@link InvalidGeometryException}.
 */
public class ImageReadException extends Exception {
    private final transient Path file;

    public ImageReadException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = Objects.requireNonNull(file, "file");
    }

    public ImageReadException(Path file, String message) {
        this(file, message, null);
    }

    /** The file (or folder) that failed. */
    public Path file() {
        return file;
    }
}
