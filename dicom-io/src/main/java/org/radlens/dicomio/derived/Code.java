package org.radlens.dicomio.derived;

import java.util.Objects;

/**
 * A DICOM coded concept (Code Value, Coding Scheme Designator, Code Meaning), e.g. {@code ("39607008", "SCT",
 * "Lung")}. Our own concepts use the private scheme {@link #PRIVATE_SCHEME}.
 */
public record Code(String value, String scheme, String meaning) {
    /** Private coding scheme for RadLens concepts without a standard code. */
    public static final String PRIVATE_SCHEME = "99RADLENS";
    /** Its Coding Scheme Name in the Coding Scheme Identification Sequence of every object that uses it. */
    public static final String PRIVATE_SCHEME_NAME = "RadLens private concepts";

    public Code {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(meaning, "meaning");
        if (value.isEmpty() || value.length() > 16 || scheme.isEmpty() || meaning.length() > 64) {
            throw new IllegalArgumentException("code (" + value + ", " + scheme + ", " + meaning
                    + ") breaks the SH/LO limits (value 1..16, meaning <= 64 characters)");
        }
    }

    /** DICOM Coding Scheme Designator "DCM". */
    public static Code dcm(String value, String meaning) {
        return new Code(value, "DCM", meaning);
    }

    /** SNOMED CT, designator "SCT". */
    public static Code sct(String value, String meaning) {
        return new Code(value, "SCT", meaning);
    }
}
