package org.radlens.models.volume;

import java.util.Objects;
import org.radlens.volume3d.Plane;

/**
 * How a volume is cut and fed to the 2D encoder.
 *
 * @param axis      slices are taken with {@link org.radlens.volume3d.Reslicing} along this plane of the volume's own
 *                  axes (apply {@code Reorientation.toCanonical} first for anatomical planes)
 * @param batchSize slices per encoder call (≥ 1); with {@code threads} workers at most {@code threads·batchSize}
 *                  slice copies exist at once
 * @param threads   worker threads (≥ 1), each with its own engine predictor
 */
public record VolumeOptions(Plane axis, int batchSize, int threads) {
    public VolumeOptions {
        Objects.requireNonNull(axis, "axis");
        if (batchSize < 1 || threads < 1) {
            throw new IllegalArgumentException("batchSize and threads must be >= 1: " + batchSize + ", " + threads);
        }
    }

    /** Axial slices, batches of 8, one thread. */
    public static VolumeOptions defaults() {
        return new VolumeOptions(Plane.AXIAL, 8, 1);
    }
}
