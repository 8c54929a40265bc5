package org.radlens.models.encode;

import org.radlens.models.preprocess.LetterboxTransform;
import org.radlens.volume3d.VoxelGeometry;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the image encoder says about one image.
 *
 * @param embedding      global embedding, D values as returned by the model (not normalised; copied)
 * @param patches        patch tokens per stream ({@link Stream#PATHOLOGY} always, {@link Stream#ANATOMY} when present)
 * @param segLogits      segmentation logits when the package has a segmentation head
 * @param transform      letterbox from the original pixel grid to the model input
 * @param sourceGeometry geometry of the original image
 */
public record ImageEmbedding(float[] embedding, Map<Stream, PatchGrid> patches, Optional<SegLogits> segLogits,
                             LetterboxTransform transform, VoxelGeometry sourceGeometry) {
    public ImageEmbedding {
        embedding = embedding.clone();
        patches = Map.copyOf(patches);
        Objects.requireNonNull(segLogits, "segLogits");
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(sourceGeometry, "sourceGeometry");
        if (!patches.containsKey(Stream.PATHOLOGY)) {
            throw new IllegalArgumentException("patch tokens of the PATHOLOGY stream are required");
        }
    }

    @Override
    public float[] embedding() {
        return embedding.clone();
    }

    /** The patch grid of {@code stream}, falling back to {@link Stream#PATHOLOGY} when the package lacks it. */
    public PatchGrid patches(Stream stream) {
        return patches.getOrDefault(stream, patches.get(Stream.PATHOLOGY));
    }
}
