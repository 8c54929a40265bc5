package org.radlens.dicomio.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The input gate's verdict on one input. {@link #label()} is the value written to results: {@code in_scope},
 * {@code flagged:<reason>[,<reason>…]} or {@code refused:<reason>}; {@link #message()} explains it in words (which
 * file, what it is, what to do), "" when in scope. Flagged inputs are scored and the flag travels with the findings;
 * refused inputs get no findings. Immutable.
 *
 * <pre>{@code
 * Scope s = Scope.inScope().flag("lateral", "ViewPosition LL: a lateral view");  // flagged:lateral
 * }</pre>
 *
 * @param status  in scope, flagged or refused
 * @param reasons short machine-readable reasons (lower case, no spaces), empty when in scope
 * @param message human-readable explanation, "" when in scope
 */
public record Scope(Status status, List<String> reasons, String message) {
    /** The three outcomes. */
    public enum Status {
        IN_SCOPE, FLAGGED, REFUSED
    }

    public Scope {
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
        message = message == null ? "" : message;
        if ((status == Status.IN_SCOPE) != reasons.isEmpty()) {
            throw new IllegalArgumentException("a " + status + " scope needs " + (reasons.isEmpty() ? "a" : "no")
                    + " reason, got " + reasons);
        }
    }

    public static Scope inScope() {
        return new Scope(Status.IN_SCOPE, List.of(), "");
    }

    public static Scope refused(String reason, String message) {
        return new Scope(Status.REFUSED, List.of(reason), message);
    }

    /** This verdict with one more flag; a refused verdict stays refused (and unchanged). */
    public Scope flag(String reason, String why) {
        if (status == Status.REFUSED || reasons.contains(reason)) {
            return this;
        }
        List<String> r = new ArrayList<>(reasons);
        r.add(reason);
        return new Scope(Status.FLAGGED, r, message.isEmpty() ? why : message + "; " + why);
    }

    public boolean refused() {
        return status == Status.REFUSED;
    }

    public boolean flagged() {
        return status == Status.FLAGGED;
    }

    /** {@code in_scope}, {@code flagged:a,b} or {@code refused:a}. */
    public String label() {
        return switch (status) {
            case IN_SCOPE -> "in_scope";
            case FLAGGED -> "flagged:" + String.join(",", reasons);
            case REFUSED -> "refused:" + String.join(",", reasons);
        };
    }

    /** The inverse of {@link #label()} (for rows read back from a journal). */
    public static Scope parse(String label, String message) {
        if (label == null || label.isEmpty() || label.equals("in_scope")) {
            return inScope();
        }
        int colon = label.indexOf(':');
        String head = colon < 0 ? label : label.substring(0, colon);
        List<String> reasons = colon < 0 ? List.of("unknown") : List.of(label.substring(colon + 1).split(","));
        Status s = switch (head) {
            case "flagged" -> Status.FLAGGED;
            case "refused" -> Status.REFUSED;
            default -> throw new IllegalArgumentException("not a scope label: '" + label + "'");
        };
        return new Scope(s, reasons, message);
    }
}
