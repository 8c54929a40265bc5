package org.radlens.models.encode;

import org.radlens.models.InferenceException;
import org.radlens.models.preprocess.PreparedImage;
import org.radlens.volume3d.Image2D;

import java.util.List;

/**
 * Image → global embedding, patch tokens per stream and optional segmentation logits. Implementations are thread-safe
 * (one engine predictor per working thread) and batch internally; {@link #close()} frees every native resource.
 *
 * <pre>{@code
 * ImageEmbedding e = encoder.encode(image);
 * float[] g = Embeddings.normalize(e.embedding());
 * }</pre>
 */
public interface ImageEncoder extends AutoCloseable {

    /** Preprocesses and encodes one image. */
    default ImageEmbedding encode(Image2D image) throws InferenceException {
        return encodeAll(List.of(image)).get(0);
    }

    /** Preprocesses and encodes images in batches; results in input order. */
    List<ImageEmbedding> encodeAll(List<Image2D> images) throws InferenceException;

    /** Encodes already preprocessed images (e.g. the exporter's reference tensors); results in input order. */
    List<ImageEmbedding> encodePrepared(List<PreparedImage> images) throws InferenceException;

    /** Whether the package produces patch tokens for {@code stream}. */
    boolean hasStream(Stream stream);

    /** Whether the package has a segmentation head. */
    boolean hasSegmentation();

    @Override
    void close();
}
