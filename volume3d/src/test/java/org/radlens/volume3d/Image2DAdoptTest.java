package org.radlens.volume3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Image2DAdoptTest {

    @Test
    void adoptKeepsTheArrayAndChecksItsSize() {
        float[] d = {1, 2, 3, 4, 5, 6};
        Image2D img = Image2D.adopt(3, 2, 1, d, VoxelGeometry.planar(1, 1), IntensityInfo.rawGray());
        assertEquals(6f, img.get(2, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Image2D.adopt(4, 2, 1, d, VoxelGeometry.planar(1, 1), IntensityInfo.rawGray()));
        assertThrows(NullPointerException.class, () -> Image2D.adopt(3, 2, 1, d, null, IntensityInfo.rawGray()));
    }

    @Test
    void volumesAdoptAndMiddleSlice() {
        float[] d = new float[2 * 2 * 3];
        d[2 * 2 + 3] = 9;
        Volume v = Volumes.adopt(2, 2, 3, d, VoxelGeometry.axial(1, 1, 2), IntensityInfo.rawGray());
        assertEquals(9f, Volumes.middleSlice(v).get(1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Volumes.adopt(2, 2, 2, d, VoxelGeometry.axial(1, 1, 2), IntensityInfo.rawGray()));
    }
}
