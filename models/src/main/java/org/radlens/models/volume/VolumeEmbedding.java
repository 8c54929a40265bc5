package org.radlens.models.volume;

import java.util.Objects;
import org.radlens.volume3d.Plane;
import org.radlens.volume3d.VoxelGeometry;

/**
 * A volume's embedding in the image encoder's space.
 *
 * @param embedding      pooled vector, D values (not normalised; copied)
 * @param sliceEmbeddings unit slice embeddings in slice order, {@code n × D} (copied)
 * @param sliceWeights   per-slice weights of MEAN/ATTENTION pooling (sum 1), empty for MAX (copied)
 * @param pooling        how slices were pooled
 * @param axis           the plane slices were taken in
 * @param sourceGeometry geometry of the source volume
 */
public record VolumeEmbedding(float[] embedding, float[][] sliceEmbeddings, float[] sliceWeights, Pooling pooling,
                              Plane axis, VoxelGeometry sourceGeometry) {
    public VolumeEmbedding {
        embedding = embedding.clone();
        sliceEmbeddings = deepCopy(sliceEmbeddings);
        sliceWeights = sliceWeights.clone();
        Objects.requireNonNull(pooling, "pooling");
        Objects.requireNonNull(axis, "axis");
        Objects.requireNonNull(sourceGeometry, "sourceGeometry");
    }

    @Override
    public float[] embedding() {
        return embedding.clone();
    }

    @Override
    public float[][] sliceEmbeddings() {
        return deepCopy(sliceEmbeddings);
    }

    @Override
    public float[] sliceWeights() {
        return sliceWeights.clone();
    }

    /** Number of slices encoded. */
    public int slices() {
        return sliceEmbeddings.length;
    }

    private static float[][] deepCopy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
