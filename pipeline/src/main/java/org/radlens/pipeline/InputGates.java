package org.radlens.pipeline;

import org.radlens.dicomio.scope.Scope;
import org.radlens.models.RadLensModel;
import org.radlens.models.gate.EmbeddingGate;
import org.radlens.models.encode.ImageEmbedding;

/** Joins the header verdict (dicom-io's ScopeGate) and the package's embedding gate (models) for one image. */
public final class InputGates {
    private InputGates() {
    }

    /** {@code header} with the embedding gate's flag added when the package has a gate that flags {@code e}. */
    public static Scope withEmbedding(RadLensModel model, Scope header, ImageEmbedding e) {
        if (model.inputGate().isEmpty() || header.refused()) {
            return header;
        }
        EmbeddingGate.Check c = model.inputGate().get().check(e);
        return c.outOfScope() ? header.flag(c.reason(), c.message()) : header;
    }
}
