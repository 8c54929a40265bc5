package org.radlens.models.encode;

/**
 * The embedding spaces of a dual-stream model. Patch tokens of a stream are compared with text embeddings of the same
 * stream. Single-stream packages have only {@link #PATHOLOGY}.
 */
public enum Stream {
    /** Findings and free text: {@code patch_embeds} ↔ {@code text_embeds}. */
    PATHOLOGY,
    /** Anatomy regions: {@code anatomy_patch_embeds} ↔ {@code anatomy_text_embeds}, when the package has them. */
    ANATOMY
}
