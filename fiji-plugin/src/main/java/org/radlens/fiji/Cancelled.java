package org.radlens.fiji;

/** The user pressed Esc; the command stopped and left what it had finished. */
public class Cancelled extends Exception {
    private static final long serialVersionUID = 1L;

    public Cancelled(String what) {
        super(what + " cancelled (Esc)");
    }
}
