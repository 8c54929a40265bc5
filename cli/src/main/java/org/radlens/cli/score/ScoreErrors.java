package org.radlens.cli.score;

/** One-line error texts for error rows: the message chain, without stack traces. */
public final class ScoreErrors {
    private ScoreErrors() {
    }

    public static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(message(e));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            String m = message(c);
            if (!sb.toString().contains(m)) {
                sb.append(" (caused by ").append(m).append(')');
            }
        }
        return sb.toString().replace('\n', ' ');
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
