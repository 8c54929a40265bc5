package org.radlens.dicomio;

import java.nio.file.Path;

/** The file is truncated, malformed or declares absurd sizes; nothing was allocated for the absurd part. */
public class CorruptFileException extends ImageReadException {
    public CorruptFileException(Path file, String message, Throwable cause) {
        super(file, message, cause);
    }

    public CorruptFileException(Path file, String message) {
        super(file, message);
    }
}
