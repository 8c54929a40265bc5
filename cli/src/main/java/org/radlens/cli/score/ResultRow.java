package org.radlens.cli.score;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scored item: the stable item id, the SOP Instance UID when the input was DICOM (else ""), finding
 * probabilities in model order, the lung area in mm² (NaN when not segmented), UIDs of derived SR/SEG ("" when none)
 * and the error message ("" on success), plus stage times in ms (JSON only). Never patient names.
 */
public record ResultRow(String id, String sopInstanceUid, Map<String, Double> findings, double lungAreaMm2,
                        String srUid, String segUid, String error, Map<String, Double> timingsMs) {

    public ResultRow {
        findings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(findings));
        timingsMs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timingsMs));
    }

    public ResultRow(String id, String sopInstanceUid, Map<String, Double> findings, double lungAreaMm2,
                     String srUid, String segUid, String error) {
        this(id, sopInstanceUid, findings, lungAreaMm2, srUid, segUid, error, Map.of());
    }

    /** A failed item. */
    public static ResultRow failure(String id, String error) {
        return new ResultRow(id, "", Map.of(), Double.NaN, "", "", error);
    }

    /** This row with one more stage time (ms), e.g. "transfer", "decode", "inference", "write". */
    public ResultRow withTiming(String stage, double ms) {
        Map<String, Double> t = new LinkedHashMap<>(timingsMs);
        t.merge(stage, ms, Double::sum);
        return new ResultRow(id, sopInstanceUid, findings, lungAreaMm2, srUid, segUid, error, t);
    }

    public boolean failed() {
        return !error.isEmpty();
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.addProperty("sop_instance_uid", sopInstanceUid);
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
        return new ResultRow(o.get("id").getAsString(), o.get("sop_instance_uid").getAsString(), f, area,
                o.get("sr_uid").getAsString(), o.get("seg_uid").getAsString(), o.get("error").getAsString(), t);
    }
}
