package org.radlens.volume3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReorientationTest {

    @Test
    void canonicalVolumeKeepsEveryVoxelsWorldPositionAndValue() {
        Random r = new Random(0);
        for (int n = 0; n < 100; n++) {
            Volume v = TestVolumes.randomVolume(r, TestVolumes.randomGeometry(r));
            Volume c = Reorientation.toCanonical(v);
            assertTrue(Reorientation.isCanonical(c.geometry()), c.geometry().toString());
            Volume back = Resampling.resample(c, VolumeGrid.of(v), Interpolation.NEAREST, 1e9f);
            assertArrayEquals(v.data(), back.data());
        }
    }

    @Test
    void rasLikeGridFlipsIAndJ() {
        VoxelGeometry ras = VoxelGeometry.of(new double[] {1, 1, 1}, new double[] {10, 20, 0},
                new double[] {-1, 0, 0, 0, -1, 0, 0, 0, 1});
        Volume v = new Volume(2, 1, 1, new float[] {1f, 2f}, ras, IntensityInfo.rawGray());
        Volume c = Reorientation.toCanonical(v);
        assertArrayEquals(new float[] {2f, 1f}, c.data());
        assertArrayEquals(new double[] {9, 20, 0}, c.geometry().origin(), 1e-12);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, c.geometry().direction(), 1e-12);
    }

    @Test
    void masksReorientLikeVolumes() {
        VoxelGeometry sagittalFirst = VoxelGeometry.of(new double[] {1, 1, 1}, new double[3],
                new double[] {0, 0, 1, 1, 0, 0, 0, 1, 0}); // i → P, j → S, k → L
        LabelMask m = new LabelMask(3, 1, 1, new byte[] {1, 2, 3}, sagittalFirst, List.of("a", "b", "c"), "t");
        LabelMask c = Reorientation.toCanonical(m);
        assertEquals(List.of(1, 3, 1), List.of(c.width(), c.height(), c.depth()));
        assertArrayEquals(new byte[] {1, 2, 3}, c.labels());
    }

    @Test
    void flipKeepsWorldToValueMappingOnEveryAxis() {
        Random r = new Random(2);
        for (int n = 0; n < 30; n++) {
            Volume v = TestVolumes.randomVolume(r, TestVolumes.randomGeometry(r));
            for (int axis = 0; axis < 3; axis++) {
                Volume f = Reorientation.flip(v, axis);
                Volume back = Resampling.resample(f, VolumeGrid.of(v), Interpolation.NEAREST, 1e9f);
                assertArrayEquals(v.data(), back.data());
                assertArrayEquals(v.data(), Reorientation.flip(f, axis).data());
            }
        }
    }
}
