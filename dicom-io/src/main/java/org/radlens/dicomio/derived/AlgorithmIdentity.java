package org.radlens.dicomio.derived;

import java.util.Objects;

/**
 * Who made a derived object: the model's name, version and sha256 (of its manifest, which lists the sha256 of every
 * model file). Goes into Software Versions, the SR's device observer and the SEG's algorithm attributes, and into
 * {@link DerivedUids}.
 */
public record AlgorithmIdentity(String name, String version, String sha256) {
    public AlgorithmIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got " + sha256);
        }
    }
}
