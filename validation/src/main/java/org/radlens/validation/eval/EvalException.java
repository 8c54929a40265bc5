package org.radlens.validation.eval;

/** An evaluation run cannot complete: no item could be scored, the output folder is unusable, a report exists. */
public class EvalException extends Exception {
    public EvalException(String message) {
        super(message);
    }

    public EvalException(String message, Throwable cause) {
        super(message, cause);
    }
}
