package org.radlens.models;

/** Running a loaded model failed (engine error, unexpected output). The engine's exception is chained as the cause. */
public class InferenceException extends Exception {
    private static final long serialVersionUID = 1L;

    public InferenceException(String message) {
        super(message);
    }

    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
