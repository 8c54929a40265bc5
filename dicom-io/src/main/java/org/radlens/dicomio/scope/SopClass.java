package org.radlens.dicomio.scope;

import java.util.Locale;

/**
 * Families of DICOM SOP classes (PS3.4 Annex B) as the input gate sees them: {@link #RADIOGRAPH} (CR, DX for
 * presentation and for processing), {@link #SECONDARY_CAPTURE} (decided by Modality), and the families a 2D chest
 * model must not score. Unknown or absent SOP classes are {@link #UNKNOWN} (decided by Modality).
 */
public enum SopClass {
    RADIOGRAPH("a projection radiograph", "1.2.840.10008.5.1.4.1.1.1", "1.2.840.10008.5.1.4.1.1.1.1",
            "1.2.840.10008.5.1.4.1.1.1.1.1"),
    SECONDARY_CAPTURE("a Secondary Capture image", "1.2.840.10008.5.1.4.1.1.7", "1.2.840.10008.5.1.4.1.1.7.2",
            "1.2.840.10008.5.1.4.1.1.7.3"),
    CT("a CT image", "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.2.1", "1.2.840.10008.5.1.4.1.1.2.2"),
    MR("an MR image", "1.2.840.10008.5.1.4.1.1.4", "1.2.840.10008.5.1.4.1.1.4.1", "1.2.840.10008.5.1.4.1.1.4.4"),
    NM("a nuclear medicine image", "1.2.840.10008.5.1.4.1.1.20"),
    US("an ultrasound image", "1.2.840.10008.5.1.4.1.1.6.1", "1.2.840.10008.5.1.4.1.1.3.1",
            "1.2.840.10008.5.1.4.1.1.6.2"),
    PT("a PET image", "1.2.840.10008.5.1.4.1.1.128", "1.2.840.10008.5.1.4.1.1.130"),
    MG("a mammogram", "1.2.840.10008.5.1.4.1.1.1.2", "1.2.840.10008.5.1.4.1.1.1.2.1"),
    SEG("a segmentation (SEG)", "1.2.840.10008.5.1.4.1.1.66.4"),
    SR("a structured report (SR)", "1.2.840.10008.5.1.4.1.1.88."),
    RT("a radiotherapy object", "1.2.840.10008.5.1.4.1.1.481."),
    OTHER("not an image a chest model reads"),
    UNKNOWN("an object of unknown SOP class");

    private final String description;
    private final String[] uids;

    SopClass(String description, String... uids) {
        this.description = description;
        this.uids = uids;
    }

    /** The family of {@code uid}; "" is {@link #UNKNOWN}; any other storage class is {@link #OTHER}. */
    public static SopClass of(String uid) {
        if (uid == null || uid.isBlank()) {
            return UNKNOWN;
        }
        for (SopClass c : values()) {
            for (String u : c.uids) {
                if (u.endsWith(".") ? uid.startsWith(u) : uid.equals(u)) {
                    return c;
                }
            }
        }
        return uid.startsWith("1.2.840.10008.5.1.4.1.1.") ? OTHER : UNKNOWN;
    }

    /** "an MR image", "a structured report (SR)", … */
    public String description() {
        return description;
    }

    /** True for the families a 2D chest model may be asked to score. */
    public boolean mayBeRadiograph() {
        return this == RADIOGRAPH || this == SECONDARY_CAPTURE || this == UNKNOWN;
    }

    /** The reason word of a refusal: {@code ct}, {@code mr}, {@code sr}, … */
    public String reason() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** DX For Processing: raw detector data, not meant for reading. */
    public static boolean forProcessing(String uid) {
        return "1.2.840.10008.5.1.4.1.1.1.1.1".equals(uid);
    }
}
