package org.radlens.models;

/**
 * A model package could not be opened or used: a missing or tampered file, a malformed manifest, an unsupported format
 * version, or ONNX models whose tensor names or shapes disagree with the manifest. The message names the file and
 * what is wrong; the cause (I/O, JSON, engine) is chained.
 */
public class ModelLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
