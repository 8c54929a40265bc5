package org.radlens.fiji;

/**
 * A problem the user can fix (wrong image, missing file, model that does not load). The message says what is wrong
 * and what to do; commands show it in an ImageJ error dialog (a macro error in batch mode), never a stack trace.
 */
public class UserError extends Exception {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
