package org.radlens.models.grounding;

import org.radlens.models.encode.Stream;
import org.radlens.volume3d.VoxelGeometry;

import java.util.Objects;

/**
 * A patch–text similarity map on the ORIGINAL image's pixel grid: value (x, y) at {@code y·width + x} is the cosine
 * similarity of the query with the patch tokens, bilinearly upsampled from the patch grid to the model input and
 * mapped back through the letterbox. The coarse patch-grid cosines are kept for inspection and parity checks.
 *
 * @param width        columns of the original image
 * @param height       rows of the original image
 * @param values       {@code width·height} cosines, row-major (copied)
 * @param geometry     the original image's geometry
 * @param query        the query text (or anatomy/finding name)
 * @param stream       the embedding stream compared
 * @param gridRows     patch-grid rows gh
 * @param gridCols     patch-grid columns gw
 * @param gridValues   {@code gh·gw} patch cosines over the model input, row-major (copied)
 */
public record HeatMap(int width, int height, float[] values, VoxelGeometry geometry, String query, Stream stream,
                      int gridRows, int gridCols, float[] gridValues) {
    public HeatMap {
        if (values.length != width * height || gridValues.length != gridRows * gridCols) {
            throw new IllegalArgumentException("heat map " + width + "x" + height + " has " + values.length
                    + " values; grid " + gridRows + "x" + gridCols + " has " + gridValues.length);
        }
        values = values.clone();
        gridValues = gridValues.clone();
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(stream, "stream");
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    @Override
    public float[] gridValues() {
        return gridValues.clone();
    }

    /** Value at column x, row y. */
    public float get(int x, int y) {
        return values[y * width + x];
    }

    /** {min, max} of the values. */
    public float[] range() {
        return org.radlens.models.preprocess.Intensities.minMax(values);
    }

    /** {@code min + fraction·(max − min)}: a threshold relative to this map's range. */
    public float relativeThreshold(double fraction) {
        float[] r = range();
        return (float) (r[0] + fraction * (r[1] - r[0]));
    }
}
