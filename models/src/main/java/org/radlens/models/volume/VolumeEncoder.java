package org.radlens.models.volume;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.radlens.models.InferenceException;
import org.radlens.models.encode.Embeddings;
import org.radlens.models.encode.ImageEncoder;
import org.radlens.models.pkg.ModelManifest.VolumePoolingSpec;
import org.radlens.volume3d.Volume;

/**
 * Encodes a volume with the 2D image encoder: every slice along {@link VolumeOptions#axis()} is preprocessed and
 * encoded as an image (batches of {@code batchSize}, {@code threads} workers), each slice embedding is
 * L2-normalised, and the unit embeddings are pooled ({@link Pooling}) into one volume embedding. Only the D-value
 * slice embeddings are kept, never the slices' patch tokens, so memory beyond the volume is
 * {@code threads·batchSize} slice copies plus {@code n·D} floats. Thread-safe.
 *
 * <pre>{@code
 * VolumeEncoder enc = model.volumeEncoder();
 * VolumeEmbedding e = enc.encode(ct, VolumeOptions.defaults(), enc.defaultPooling());
 * List<FindingScore> scores = model.classifier().classify(e.embedding(), model.classifier().defaultFindings());
 * }</pre>
 */
public final class VolumeEncoder {
    private final ImageEncoder images;
    private final Optional<VolumePoolingSpec> spec;

    /**
     * @param images the 2D encoder (not closed here: its owner closes it)
     * @param spec   the package's {@code volume_pooling} section, if any
     */
    public VolumeEncoder(ImageEncoder images, Optional<VolumePoolingSpec> spec) {
        this.images = images;
        this.spec = spec;
    }

    /** The package's default pooling, MEAN when it names none. */
    public Pooling defaultPooling() {
        return spec.map(s -> Pooling.parse(s.defaultPooling())).orElse(Pooling.MEAN);
    }

    /** Whether the package provides attention pooling weights. */
    public boolean hasAttention() {
        return spec.isPresent() && spec.get().hasAttention();
    }

    /** The 2D encoder slices go through. */
    public ImageEncoder imageEncoder() {
        return images;
    }

    /** Encodes every slice of {@code v} and pools the unit slice embeddings. */
    public VolumeEmbedding encode(Volume v, VolumeOptions options, Pooling pooling) throws InferenceException {
        return encode(v, options, pooling, SliceProgress.NONE);
    }

    /**
     * As {@link #encode(Volume, VolumeOptions, Pooling)}, telling {@code progress} after each batch of slices.
     *
     * @throws VolumeEncodingStopped when {@code progress} asked to stop
     */
    public VolumeEmbedding encode(Volume v, VolumeOptions options, Pooling pooling, SliceProgress progress)
            throws InferenceException {
        if (pooling == Pooling.ATTENTION && !hasAttention()) {
            throw new IllegalArgumentException("attention pooling needs volume_pooling.attention weights in the "
                    + "model package; this package has none (use mean or max)");
        }
        float[][] unit = sliceEmbeddings(v, options, progress);
        Pooling.PooledEmbedding p = pooling.pool(Arrays.asList(unit), spec.orElse(null));
        return new VolumeEmbedding(p.embedding(), unit, p.sliceWeights(), pooling, options.axis(), v.geometry());
    }

    /** Unit embeddings of every slice along the options' axis, in slice order. */
    public float[][] sliceEmbeddings(Volume v, VolumeOptions options) throws InferenceException {
        return sliceEmbeddings(v, options, SliceProgress.NONE);
    }

    /** As {@link #sliceEmbeddings(Volume, VolumeOptions)}, telling {@code progress} after each batch. */
    public float[][] sliceEmbeddings(Volume v, VolumeOptions options, SliceProgress progress)
            throws InferenceException {
        float[][] out = new float[org.radlens.volume3d.Reslicing.count(v, options.axis())][];
        new SliceStream(images).run(v, options, (i, e) -> out[i] = Embeddings.normalize(e.embedding()), progress);
        return out;
    }

    /** Pools given unit slice embeddings (e.g. cached ones) without encoding anything. */
    public float[] pool(List<float[]> unitSliceEmbeddings, Pooling pooling) {
        return pooling.pool(unitSliceEmbeddings, spec.orElse(null)).embedding();
    }
}
