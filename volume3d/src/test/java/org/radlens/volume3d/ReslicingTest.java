package org.radlens.volume3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReslicingTest {

    @Test
    void axialResliceThenRestackIsIdentity() {
        Random r = new Random(0);
        for (int n = 0; n < 50; n++) {
            Volume v = TestVolumes.randomVolume(r, TestVolumes.randomGeometry(r));
            Volume back = Volumes.stack(Reslicing.slices(v, Plane.AXIAL));
            assertArrayEquals(v.data(), back.data());
            assertTrue(v.geometry().sameGrid(back.geometry(), 1e-9), v.geometry() + " vs " + back.geometry());
        }
    }

    @Test
    void everyPlaneRestacksToTheSameWorldToValueMapping() {
        Random r = new Random(1);
        for (int n = 0; n < 50; n++) {
            Volume v = TestVolumes.randomVolume(r, TestVolumes.randomGeometry(r));
            for (Plane p : Plane.values()) {
                Volume restacked = Volumes.stack(Reslicing.slices(v, p));
                Volume onOriginalGrid = Resampling.resample(restacked, VolumeGrid.of(v), Interpolation.NEAREST, 1e9f);
                assertArrayEquals(v.data(), onOriginalGrid.data(), "plane " + p);
            }
        }
    }

    @Test
    void coronalSliceHasSuperiorAtTheTop() {
        float[] d = new float[2 * 2 * 3];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 4; i++) {
                d[k * 4 + i] = k; // value = k (S index)
            }
        }
        Volume v = new Volume(2, 2, 3, d, VoxelGeometry.axial(1, 1, 2), IntensityInfo.rawGray());
        Image2D cor = Reslicing.slice(v, Plane.CORONAL, 0);
        assertEquals(2, cor.width());
        assertEquals(3, cor.height());
        assertEquals(2f, cor.get(0, 0));
        assertEquals(0f, cor.get(0, 2));
        assertArrayEquals(new double[] {0, 0, 4}, cor.geometry().origin(), 1e-12);
        assertArrayEquals(new double[] {0, 0, -1}, cor.geometry().axis(1), 1e-12);
    }

    @Test
    void outOfRangeSliceIsRefused() {
        Volume v = new Volume(2, 2, 2, new float[8], VoxelGeometry.axial(1, 1, 1), IntensityInfo.rawGray());
        assertThrows(IllegalArgumentException.class, () -> Reslicing.slice(v, Plane.SAGITTAL, 2));
        assertEquals(List.of(2, 2, 2), List.of(Reslicing.count(v, Plane.AXIAL), Reslicing.count(v, Plane.CORONAL),
                Reslicing.count(v, Plane.SAGITTAL)));
    }

    private static void assertTrue(boolean b, String msg) {
        org.junit.jupiter.api.Assertions.assertTrue(b, msg);
    }

    @Test
    void insertIsTheInverseOfSliceInEveryPlane() {
        Random r = new Random(7);
        for (int n = 0; n < 50; n++) {
            Volume v = TestVolumes.randomVolume(r, TestVolumes.randomGeometry(r));
            VolumeGrid grid = VolumeGrid.of(v);
            for (Plane p : Plane.values()) {
                float[] back = new float[(int) grid.size()];
                for (int i = 0; i < Reslicing.count(v, p); i++) {
                    Image2D s = Reslicing.slice(v, p, i);
                    Reslicing.insert(back, grid, p, i, s.channel(0));
                    assertTrue(s.geometry().sameGrid(Reslicing.sliceGeometry(grid, p, i), 1e-12), p + " " + i);
                }
                assertArrayEquals(v.data(), back, p.name());
            }
        }
    }
}
