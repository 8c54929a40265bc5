package org.radlens.models.testing;

import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.encode.PatchGrid;
import org.radlens.models.encode.SegLogits;
import org.radlens.models.encode.Stream;
import org.radlens.models.preprocess.LetterboxTransform;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.VoxelGeometry;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Small hand-built values for tests. */
public final class Fixtures {
    /** The geometry every fixture image carries. */
    public static final VoxelGeometry GEOMETRY = VoxelGeometry.of(new double[] {0.5, 0.25, 1},
            new double[] {10, 20, 30}, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});

    private Fixtures() {
    }

    /** A blank grey image. */
    public static Image2D image(int w, int h) {
        return Image2D.gray(w, h, new float[w * h], GEOMETRY, IntensityInfo.rawGray());
    }

    /** A 2-D patch grid whose token i is {@code tokens[i]}. */
    public static PatchGrid grid(int rows, int cols, float[]... tokens) {
        int d = tokens[0].length;
        float[] flat = new float[rows * cols * d];
        for (int i = 0; i < tokens.length; i++) {
            System.arraycopy(tokens[i], 0, flat, i * d, d);
        }
        return new PatchGrid(rows, cols, d, flat);
    }

    /** An embedding of a {@code w × h} image on an {@code s × s} input. */
    public static ImageEmbedding embedding(float[] global, PatchGrid pathology, PatchGrid anatomy,
                                           SegLogits seg, int w, int h, int s) {
        Map<Stream, PatchGrid> grids = new EnumMap<>(Stream.class);
        grids.put(Stream.PATHOLOGY, pathology);
        if (anatomy != null) {
            grids.put(Stream.ANATOMY, anatomy);
        }
        return new ImageEmbedding(global, grids, Optional.ofNullable(seg), LetterboxTransform.fit(w, h, s), GEOMETRY);
    }
}
