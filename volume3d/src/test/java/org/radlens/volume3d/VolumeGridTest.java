package org.radlens.volume3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeGridTest {
    private static final VoxelGeometry G = VoxelGeometry.axial(0.7, 0.7, 2.5);

    @Test
    void sizeGridAndSpacingComparisons() {
        VolumeGrid a = new VolumeGrid(4, 3, 2, G);
        assertTrue(a.sameGrid(new VolumeGrid(4, 3, 2, VoxelGeometry.axial(0.7, 0.7, 2.5 + 1e-6)), 1e-4));
        assertFalse(a.sameGrid(new VolumeGrid(4, 3, 2, VoxelGeometry.axial(0.7, 0.7, 2.6)), 1e-4));
        assertFalse(a.sameGrid(new VolumeGrid(4, 3, 3, G), 1e-4), "size differs");
        assertTrue(a.sameSize(new VolumeGrid(4, 3, 2, VoxelGeometry.axial(1, 1, 1))));
        assertFalse(a.sameSize(new VolumeGrid(3, 4, 2, G)));
        assertTrue(a.sameSpacing(new VolumeGrid(9, 9, 9, VoxelGeometry.axial(0.7 * (1 + 1e-7), 0.7, 2.5)), 1e-6));
        assertFalse(a.sameSpacing(new VolumeGrid(4, 3, 2, VoxelGeometry.axial(0.7, 0.71, 2.5)), 1e-6));
        assertEquals("4x3x2", a.dimensions());
        assertEquals(24, a.size());
    }

    @Test
    void volumesAndMasksHoldTheirGrid() {
        Volume v = new Volume(4, 3, 2, new float[24], G, IntensityInfo.rawGray());
        assertEquals(new VolumeGrid(4, 3, 2, G), v.grid());
        assertSame(v.grid(), VolumeGrid.of(v));
        assertEquals(4, v.nx());
        assertEquals(G, v.geometry());
        Volume w = new Volume(v.grid(), v.data(), v.intensity());
        assertEquals(v.grid(), w.grid());

        LabelMask m = new LabelMask(4, 3, 2, new byte[24], G, List.of("a"), "test");
        assertEquals(v.grid(), m.grid());
        assertEquals(4, m.width());
        assertEquals(3, m.height());
        assertEquals(2, m.depth());
        assertEquals(v.grid(), Masks.toVolume(m).grid());
        assertEquals(m.grid(), Masks.fromVolume(v, List.of("a"), "t").grid());
    }

    @Test
    void wrongValueCountsNameTheGrid() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LabelMask(new VolumeGrid(4, 3, 2, G), new byte[23], List.of(), "t"));
        assertTrue(e.getMessage().contains("23") && e.getMessage().contains("4x3x2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Volume(new VolumeGrid(4, 3, 2, G), new float[25], IntensityInfo.rawGray()));
        assertTrue(e.getMessage().contains("25") && e.getMessage().contains("4x3x2"), e.getMessage());
    }
}
