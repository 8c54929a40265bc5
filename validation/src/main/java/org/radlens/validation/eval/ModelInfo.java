package org.radlens.validation.eval;

import java.util.Objects;

/**
 * What produced the predictions: a model package's name and sha256 (of its manifest), or for precomputed outputs
 * the file's name and sha256. Written to {@code metrics.json} as {@code "model": {"name", "sha256"}}.
 */
public record ModelInfo(String name, String sha256) {
    public ModelInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
    }
}
