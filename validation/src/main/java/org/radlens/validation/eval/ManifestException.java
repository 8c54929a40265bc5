package org.radlens.validation.eval;

import java.util.List;

/**
 * A manifest (or another CSV input) cannot be evaluated: malformed CSV, unknown columns, missing files, empty or
 * unused classes, unknown labels. {@link #problems()} lists every offending row, e.g. {@code "line 7: image
 * cxr/a.jpg not found"}; the message shows the first 20.
 */
public class ManifestException extends Exception {
    private static final int SHOWN = 20;
    private final List<String> problems;

    public ManifestException(String what, List<String> problems) {
        super(message(what, problems));
        this.problems = List.copyOf(problems);
    }

    public ManifestException(String what, Throwable cause) {
        super(what, cause);
        this.problems = List.of(what);
    }

    /** Every problem found, one per offending row or column. */
    public List<String> problems() {
        return problems;
    }

    private static String message(String what, List<String> problems) {
        StringBuilder sb = new StringBuilder(what);
        int n = Math.min(SHOWN, problems.size());
        for (int i = 0; i < n; i++) {
            sb.append(System.lineSeparator()).append("  ").append(problems.get(i));
        }
        if (problems.size() > n) {
            sb.append(System.lineSeparator()).append("  … and ").append(problems.size() - n).append(" more");
        }
        return sb.toString();
    }
}
