package org.radlens.pipeline;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One item's outcome: the stable item id, the SOP Instance UID when the input was DICOM (else ""), finding
 * probabilities in model order, the lung area in mm² (NaN when not segmented), UIDs of derived SR/SEG ("" when none),
 * the error message ("" unless failed), stage times in ms (JSON only), the {@link Status}, the input gate's verdict
 * ({@code in_scope}, {@code flagged:<reasons>}, {@code refused:<reason>}; "" for failures) and a note (why refused or
 * flagged, or which item a duplicate repeats). Never patient names.
 */
public record ResultRow(String id, String sopInstanceUid, Map<String, Double> findings, double lungAreaMm2,
                        String srUid, String segUid, String error, Map<String, Double> timingsMs, Status status,
                        String scope, String note) {

    /** What happened to an item. {@link #TRANSIENT} rows are never journaled: a rerun retries them. */
    public enum Status {
        /** Scored (its scope may carry flags). */
        SCORED,
        /** Refused by the input gate: no findings, no SR/SEG. */
        REFUSED,
        /** Same SOP Instance UID as an item scored before: not scored again. */
        DUPLICATE,
        /** Failed for good (unreadable, corrupt, unsupported). */
        ERROR,
        /** Failed for a passing reason (disk full, I/O error, server unreachable): retried by the next run. */
        TRANSIENT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status parse(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    public ResultRow {
        findings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(findings));
        timingsMs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timingsMs));
        Objects.requireNonNull(status, "status");
        scope = scope == null ? "" : scope;
        note = note == null ? "" : note;
    }

    public ResultRow(String id, String sopInstanceUid, Map<String, Double> findings, double lungAreaMm2,
                     String srUid, String segUid, String error, Map<String, Double> timingsMs) {
        this(id, sopInstanceUid, findings, lungAreaMm2, srUid, segUid, error, timingsMs,
                error.isEmpty() ? Status.SCORED : Status.ERROR, error.isEmpty() ? "in_scope" : "", "");
    }

    public ResultRow(String id, String sopInstanceUid, Map<String, Double> findings, double lungAreaMm2,
                     String srUid, String segUid, String error) {
        this(id, sopInstanceUid, findings, lungAreaMm2, srUid, segUid, error, Map.of());
    }

    /** A failed item ({@link Status#ERROR}). */
    public static ResultRow failure(String id, String error) {
        return new ResultRow(id, "", Map.of(), Double.NaN, "", "", error);
    }

    /** An item that failed for a passing reason ({@link Status#TRANSIENT}). */
    public static ResultRow transientFailure(String id, String error) {
        return new ResultRow(id, "", Map.of(), Double.NaN, "", "", error, Map.of(), Status.TRANSIENT, "", "");
    }

    /** An item the input gate refused. */
    public static ResultRow refused(String id, String sopInstanceUid, String scope, String why) {
        return new ResultRow(id, sopInstanceUid, Map.of(), Double.NaN, "", "", "", Map.of(), Status.REFUSED, scope,
                why);
    }

    /** An item with the SOP Instance UID of {@code firstId}, scored there. */
    public static ResultRow duplicate(String id, String sopInstanceUid, String firstId) {
        return new ResultRow(id, sopInstanceUid, Map.of(), Double.NaN, "", "", "", Map.of(), Status.DUPLICATE, "",
                "same SOP Instance UID as " + firstId + " (scored there; not scored again)");
    }

    /** This row with its input gate verdict and note. */
    public ResultRow withScope(String label, String why) {
        return new ResultRow(id, sopInstanceUid, findings, lungAreaMm2, srUid, segUid, error, timingsMs, status,
                label, why);
    }

    /** This row with one more stage time (ms), e.g. "transfer", "decode", "inference", "write". */
    public ResultRow withTiming(String stage, double ms) {
        Map<String, Double> t = new LinkedHashMap<>(timingsMs);
        t.merge(stage, ms, Double::sum);
        return new ResultRow(id, sopInstanceUid, findings, lungAreaMm2, srUid, segUid, error, t, status, scope,
                note);
    }

    /** True for error and transient rows. */
    public boolean failed() {
        return !error.isEmpty();
    }

    public boolean isTransient() {
        return status == Status.TRANSIENT;
    }

    /** True for scored rows whose scope carries a flag. */
    public boolean flagged() {
        return status == Status.SCORED && scope.startsWith("flagged:");
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.addProperty("sop_instance_uid", sopInstanceUid);
        o.addProperty("status", status.label());
        o.addProperty("input_scope", scope);
        o.addProperty("note", note);
        JsonObject f = new JsonObject();
        findings.forEach(f::addProperty);
        o.add("findings", f);
        if (!Double.isNaN(lungAreaMm2)) {
            o.addProperty("lung_area_mm2", lungAreaMm2);
        }
        o.addProperty("sr_uid", srUid);
        o.addProperty("seg_uid", segUid);
        o.addProperty("error", error);
        if (!timingsMs.isEmpty()) {
            JsonObject t = new JsonObject();
            timingsMs.forEach(t::addProperty);
            o.add("timings_ms", t);
        }
        return o;
    }

    /** Reads {@link #toJson()}; rows of journals written before status/input_scope existed read as before. */
    public static ResultRow fromJson(JsonObject o) {
        Map<String, Double> f = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("findings").entrySet()) {
            f.put(e.getKey(), e.getValue().getAsDouble());
        }
        Map<String, Double> t = new LinkedHashMap<>();
        if (o.has("timings_ms")) {
            o.getAsJsonObject("timings_ms").entrySet().forEach(e -> t.put(e.getKey(), e.getValue().getAsDouble()));
        }
        double area = o.has("lung_area_mm2") ? o.get("lung_area_mm2").getAsDouble() : Double.NaN;
        String error = o.get("error").getAsString();
        Status status = o.has("status") ? Status.parse(o.get("status").getAsString())
                : error.isEmpty() ? Status.SCORED : Status.ERROR;
        String scope = o.has("input_scope") ? o.get("input_scope").getAsString() : error.isEmpty() ? "in_scope" : "";
        return new ResultRow(o.get("id").getAsString(), o.get("sop_instance_uid").getAsString(), f, area,
                o.get("sr_uid").getAsString(), o.get("seg_uid").getAsString(), error, t, status, scope,
                o.has("note") ? o.get("note").getAsString() : "");
    }
}
