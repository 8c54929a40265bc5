package org.radlens.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.VoxelGeometry;

class ImageStatsTest {
    @Test
    void rangeAndMeanOverAllChannels() {
        Image2D img = new Image2D(2, 1, 2, new float[] {-3f, 1f, 5f, 9f}, VoxelGeometry.planar(1, 1),
                IntensityInfo.rawGray());
        ImageStats s = ImageStats.of(img);
        assertEquals(-3.0, s.min());
        assertEquals(9.0, s.max());
        assertEquals(3.0, s.mean(), 1e-12);
    }
}
