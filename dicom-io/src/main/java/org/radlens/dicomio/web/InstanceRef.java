package org.radlens.dicomio.web;

/** Where an instance lives on a DICOMweb server: study, series and SOP Instance UIDs. */
public record InstanceRef(String studyUid, String seriesUid, String sopInstanceUid) {
    /** The WADO-RS path below the service root. */
    public String path() {
        return "studies/" + studyUid + "/series/" + seriesUid + "/instances/" + sopInstanceUid;
    }
}
