package org.radlens.cli.score;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scored item: the stable item id, the SOP Instance UID when the input was DICOM (else ""), finding
 * probabilities in model order, the lung area in mm² (NaN when not segmented), UIDs of derived SR/SEG ("" when none)
 * and the error message ("" on success). Never patient names.
 */
public record ResultRow(String id, String sopInstanceUid, Map<String, Double> findings, double lungAreaMm2,
                        String srUid, String segUid, String error) {

    public ResultRow {
        findings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(findings));
    }

    /** A failed item. */
    public static ResultRow failure(String id, String error) {
        return new ResultRow(id, "", Map.of(), Double.NaN, "", "", error);
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
        return o;
    }

    public static ResultRow fromJson(JsonObject o) {
        Map<String, Double> f = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("findings").entrySet()) {
            f.put(e.getKey(), e.getValue().getAsDouble());
        }
        double area = o.has("lung_area_mm2") ? o.get("lung_area_mm2").getAsDouble() : Double.NaN;
        return new ResultRow(o.get("id").getAsString(), o.get("sop_instance_uid").getAsString(), f, area,
                o.get("sr_uid").getAsString(), o.get("seg_uid").getAsString(), o.get("error").getAsString());
    }
}
