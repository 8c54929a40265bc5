package org.radlens.cli;

import java.io.PrintStream;

/**
 * A standard-error stream that drops the lines PixelMed prints straight to {@code System.err} (e.g. "Error: Transfer
 * Syntax UID was not specified in Meta Information Header so guessing") while reading a file it then reads, or fails
 * on with an exception that dicom-io turns into a message naming the file. Every other line passes through. Installed
 * by the {@code radlens} application only; libraries never replace {@code System.err}.
 */
final class QuietPixelMed extends PrintStream {
    private static final StackWalker WALKER = StackWalker.getInstance();

    private QuietPixelMed(PrintStream target) {
        super(target, true);
    }

    /** Replaces {@code System.err} once. */
    static synchronized void install() {
        if (!(System.err instanceof QuietPixelMed)) {
            System.setErr(new QuietPixelMed(System.err));
        }
    }

    /** Whether the caller of the print is PixelMed code. */
    static boolean fromPixelMed() {
        return WALKER.walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(c -> !c.startsWith("java.") && !c.equals(QuietPixelMed.class.getName()))
                .findFirst().map(c -> c.startsWith("com.pixelmed.")).orElse(false));
    }

    @Override
    public void println(String x) {
        if (!fromPixelMed()) {
            super.println(x);
        }
    }

    @Override
    public void println(Object x) {
        if (!fromPixelMed()) {
            super.println(x);
        }
    }

    @Override
    public void print(String s) {
        if (!fromPixelMed()) {
            super.print(s);
        }
    }
}
