package org.radlens.volume3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisplayMappingTest {

    @Test
    void lungWindowMapsHuLinearlyAndLeavesRawValuesAlone() {
        float[] hu = {-1350f, -600f, 150f, 3000f};
        Image2D img = Image2D.gray(4, 1, hu, VoxelGeometry.planar(1, 1), ct(IntensityInfo.Photometric.MONOCHROME2));
        assertArrayEquals(new byte[] {0, (byte) 128, (byte) 255, (byte) 255},
                DisplayMapping.toBytes(img, WindowPreset.LUNG.window()));
        assertArrayEquals(hu, img.data());
    }

    @Test
    void monochrome1IsInvertedForDisplayOnly() {
        Image2D img = Image2D.gray(2, 1, new float[] {0f, 100f}, VoxelGeometry.planar(1, 1),
                ct(IntensityInfo.Photometric.MONOCHROME1));
        assertArrayEquals(new float[] {1f, 0f}, DisplayMapping.toUnit(img, DisplayMapping.defaultWindow(img)));
    }

    @Test
    void presetsHaveTheUsualValues() {
        assertEquals(new IntensityInfo.Window(40, 400), WindowPreset.MEDIASTINUM.window());
        assertEquals(new IntensityInfo.Window(400, 1800), WindowPreset.parse("Bone").window());
        assertThrows(IllegalArgumentException.class, () -> WindowPreset.parse("brain"));
    }

    private static IntensityInfo ct(IntensityInfo.Photometric p) {
        return new IntensityInfo("CT", "HU", true, Optional.empty(), p);
    }
}
