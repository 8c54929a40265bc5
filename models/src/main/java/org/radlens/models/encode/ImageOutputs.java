package org.radlens.models.encode;

import org.radlens.models.encode.NamedTensorTranslator.Tensors;
import org.radlens.models.pkg.ModelManifest.OutputSpec;
import org.radlens.models.pkg.ModelManifest.SegmentationSpec;

import java.util.Arrays;
import java.util.Optional;

/** Checks image-encoder outputs against the manifest: names present, shapes as declared. */
final class ImageOutputs {
    private ImageOutputs() {
    }

    /** A description of the first mismatch, or empty when all outputs fit. */
    static Optional<String> problem(Tensors out, Tensors segOut, OutputSpec spec, int batch) {
        int d = spec.embeddingDim();
        long n = (long) spec.gridHeight() * spec.gridWidth();
        String grid = " (outputs.patch_grid " + spec.gridHeight() + "x" + spec.gridWidth() + ", embedding_dim " + d
                + ")";
        Optional<String> p = shape(out, spec.imageEmbedding(), new long[] {batch, d}, " (outputs.embedding_dim)");
        if (p.isEmpty()) {
            p = shape(out, spec.patchEmbeddings(), new long[] {batch, n, d}, grid);
        }
        if (p.isEmpty() && spec.anatomy().isPresent()) {
            p = shape(out, spec.anatomy().get().patchEmbeddings(), new long[] {batch, n, d}, grid);
        }
        if (p.isEmpty() && spec.segmentation().isPresent()) {
            p = seg(segOut, spec.segmentation().get(), batch);
        }
        return p;
    }

    private static Optional<String> seg(Tensors out, SegmentationSpec s, int batch) {
        Tensor t = out.get(s.output());
        if (t == null) {
            return Optional.of("no output named '" + s.output() + "' (outputs.segmentation.output); outputs are "
                    + out.byName().keySet());
        }
        long[] sh = t.shape();
        if (sh.length != 4 || sh[0] != batch || sh[1] != s.classes().size() || sh[2] < 1 || sh[3] < 1) {
            return Optional.of("output '" + s.output() + "' has shape " + Arrays.toString(sh) + ", expected ["
                    + batch + ", " + s.classes().size() + ", H, W] (one channel per outputs.segmentation.classes "
                    + s.classes() + ")");
        }
        return Optional.empty();
    }

    /** What is wrong with output {@code name} (missing, or not of shape {@code expected}), if anything. */
    static Optional<String> shape(Tensors out, String name, long[] expected, String why) {
        Tensor t = out.get(name);
        if (t == null) {
            return Optional.of("no output named '" + name + "'; outputs are " + out.byName().keySet());
        }
        if (!Arrays.equals(t.shape(), expected)) {
            return Optional.of("output '" + name + "' has shape " + t.shapeText() + ", expected "
                    + Arrays.toString(expected) + why);
        }
        return Optional.empty();
    }
}
