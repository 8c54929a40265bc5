package org.radlens.models.volume;

/**
 * Hears how far a volume's slices have got through the encoder, and can stop the work between batches. The Fiji
 * commands show ImageJ's progress bar with it and stop on Esc; the command line passes {@link #NONE}.
 *
 * <pre>{@code
 * VolumeEmbedding e = model.volumeEncoder().encode(ct, VolumeOptions.defaults(), pooling,
 *         (done, total) -> !userPressedStop());   // false: VolumeEncodingStopped is thrown
 * }</pre>
 */
@FunctionalInterface
public interface SliceProgress {
    /** Reports nothing and never stops. */
    SliceProgress NONE = (done, total) -> true;

    /**
     * Called after each batch of slices is encoded, one call at a time (from a worker thread when
     * {@code threads > 1}).
     *
     * @param done  slices encoded so far
     * @param total slices in the volume along the chosen axis
     * @return {@code false} to stop: no further batch starts, and the encoder throws {@link VolumeEncodingStopped}
     */
    boolean slicesDone(int done, int total);
}
