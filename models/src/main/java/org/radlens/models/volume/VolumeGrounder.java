package org.radlens.models.volume;

import org.radlens.models.InferenceException;
import org.radlens.models.encode.Stream;
import org.radlens.models.grounding.Grounder;
import org.radlens.models.grounding.HeatMap;
import org.radlens.volume3d.Reslicing;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.VolumeGrid;

/**
 * 3D grounding: the 2D {@link Grounder}'s heat map of every slice along the options' axis, written back onto the
 * source voxels ({@link Reslicing#insert}); the result's geometry is the source volume's. Holds one volume-sized
 * float array (the result) plus the workers' batches. Thread-safe.
 *
 * <pre>{@code
 * HeatMap3D liver = new VolumeGrounder(volumeEncoder, model.grounder()).heatMap(ct, "liver", VolumeOptions.defaults());
 * }</pre>
 */
public final class VolumeGrounder {
    private final VolumeEncoder volumes;
    private final Grounder grounder;

    public VolumeGrounder(VolumeEncoder volumes, Grounder grounder) {
        this.volumes = volumes;
        this.grounder = grounder;
    }

    /** The heat map of {@code query} (in its default stream) over the whole volume. */
    public HeatMap3D heatMap(Volume v, String query, VolumeOptions options) throws InferenceException {
        return heatMap(v, query, options, SliceProgress.NONE);
    }

    /**
     * As {@link #heatMap(Volume, String, VolumeOptions)}, telling {@code progress} after each batch of slices.
     *
     * @throws VolumeEncodingStopped when {@code progress} asked to stop
     */
    public HeatMap3D heatMap(Volume v, String query, VolumeOptions options, SliceProgress progress)
            throws InferenceException {
        Stream stream = grounder.streamFor(query);
        VolumeGrid grid = v.grid();
        float[] out = new float[Math.toIntExact(grid.size())];
        new SliceStream(volumes.imageEncoder()).run(v, options, (i, e) ->
                Reslicing.insert(out, grid, options.axis(), i, grounder.heatMap(e, query, stream).values()), progress);
        // streamFor only names a stream the encoder has, so every slice's map is in that stream
        return HeatMap3D.adopt(grid, out, query, stream, options.axis());
    }
}
