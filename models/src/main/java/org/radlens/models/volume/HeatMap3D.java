package org.radlens.models.volume;

import org.radlens.volume3d.OnGrid;
import java.util.Objects;
import java.util.Optional;
import org.radlens.models.encode.Stream;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.Plane;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.VolumeGrid;
import org.radlens.volume3d.Volumes;
import org.radlens.volume3d.VoxelGeometry;

/**
 * Per-slice grounding maps stacked on the SOURCE volume's voxel grid: the value at voxel (i, j, k), index
 * {@code (k·ny + j)·nx + i}, is the patch–text cosine of the slice through that voxel (slices taken along
 * {@link #axis()}), upsampled and mapped back through the letterbox exactly as a 2D {@code HeatMap}. Immutable;
 * the {@link #grid()} is the source volume's.
 *
 * <pre>{@code
 * HeatMap3D m = model.volumeGrounder().heatMap(ct, "liver", VolumeOptions.defaults());
 * NiftiWriter.write(m.toVolume(), Path.of("liver.nii.gz"));      // the source affine
 * }</pre>
 */
public final class HeatMap3D implements OnGrid {
    private final VolumeGrid grid;
    private final float[] values;
    private final String query;
    private final Stream stream;
    private final Plane axis;

    private HeatMap3D(VolumeGrid grid, float[] values, String query, Stream stream, Plane axis) {
        this.grid = Objects.requireNonNull(grid, "grid");
        if (values.length != grid.size()) {
            throw new IllegalArgumentException("heat map " + grid.dimensions() + " has " + values.length + " values");
        }
        this.values = values;
        this.query = Objects.requireNonNull(query, "query");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.axis = Objects.requireNonNull(axis, "axis");
    }

    /** Takes an array the caller has just filled and drops (no second volume-sized copy). */
    static HeatMap3D adopt(VolumeGrid grid, float[] values, String query, Stream stream, Plane axis) {
        return new HeatMap3D(grid, values, query, stream, axis);
    }

    /** The source volume's grid (size and geometry) the values lie on. */
    public VolumeGrid grid() {
        return grid;
    }

    /** A copy of the values. */
    public float[] values() {
        return values.clone();
    }

    public String query() {
        return query;
    }

    public Stream stream() {
        return stream;
    }

    public Plane axis() {
        return axis;
    }

    /** Value at voxel (i, j, k). */
    public float get(int i, int j, int k) {
        return values[(k * grid.ny() + j) * grid.nx() + i];
    }

    /** {min, max}. */
    public float[] range() {
        return org.radlens.models.preprocess.Intensities.minMax(values);
    }

    /** The map as a float volume on the same grid (units {@code cosine}), e.g. for NIfTI output. */
    public Volume toVolume() {
        IntensityInfo info = new IntensityInfo("OT", "cosine", false, Optional.empty(),
                IntensityInfo.Photometric.MONOCHROME2);
        return Volumes.adopt(grid, values.clone(), info);
    }

    /**
     * {x, y, k} of the first highest value in voxel order (x fastest), as the command line and Fiji report the peak;
     * {0, 0, 0} when no value is above −∞.
     */
    public int[] peak() {
        float best = Float.NEGATIVE_INFINITY;
        int at = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] > best) {
                best = values[i];
                at = i;
            }
        }
        int plane = nx() * ny();
        return new int[] {at % plane % nx(), at % plane / nx(), at / plane};
    }

    @Override
    public String toString() {
        return "HeatMap3D[" + grid.dimensions() + ", '" + query + "', " + stream + ", " + axis + "]";
    }
}
