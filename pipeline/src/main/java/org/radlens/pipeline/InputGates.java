package org.radlens.pipeline;

import org.radlens.dicomio.scope.Scope;
import org.radlens.models.InferenceException;
import org.radlens.models.RadLensModel;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.gate.EmbeddingGate;
import org.radlens.volume3d.Image2D;

/**
 * Joins the header verdict (dicom-io's ScopeGate) and the package's embedding gate (models) for one image: the step
 * every entry point that scores a 2D image shares (the batch scorer, the CLI's classify/ground/segment, Fiji).
 *
 * <pre>{@code
 * Scope header = ScopeGate.chestRadiographs().check(InputFacts.read(file), name);
 * if (!header.refused()) {
 *     InputGates.Encoded in = InputGates.encode(model, header, ImageFiles.readImage2D(file));
 *     ... in.embedding(), in.scope().label()   // "in_scope" or "flagged:<reasons>"
 * }
 * }</pre>
 */
public final class InputGates {
    private InputGates() {
    }

    /** An image the header gate let through, its embedding, and the verdict of both gates. */
    public record Encoded(Image2D image, ImageEmbedding embedding, Scope scope) {
    }

    /** Encodes {@code image} (which {@code header} did not refuse) and adds the embedding gate's verdict. */
    public static Encoded encode(RadLensModel model, Scope header, Image2D image) throws InferenceException {
        ImageEmbedding e = model.imageEncoder().encode(image);
        return new Encoded(image, e, withEmbedding(model, header, e));
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
