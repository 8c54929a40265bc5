package org.radlens.dicomio.reference;

/** How one reference file came out; {@code key()} is its name in {@code metrics.json}. */
public enum Outcome {
    /** Decoded values bit-identical to the reference (sha256 of the decoded array, or every checked value). */
    EQUAL("equal"),
    /** Lossy syntax: mean within max(1, 1 % of the range) of the reference. */
    WITHIN_TOLERANCE("within_tolerance"),
    /** Declared unsupported: a clean {@code UnsupportedFormatException} naming the transfer syntax. */
    UNSUPPORTED("unsupported"),
    /** The file has no pixel data; a checked exception or a valid image is fine. */
    NO_PIXELS("no_pixel_data"),
    /** The reference itself could not decode it (or decoded it non-deterministically). */
    REFERENCE_FAILED("reference_failed"),
    /** A documented difference, listed with its reason. */
    KNOWN_DEVIATION("known_deviation"),
    /** Anything else: a conformance failure. */
    FAILED("failed");

    private final String key;

    Outcome(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
