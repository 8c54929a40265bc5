package org.radlens.volume3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResamplingTest {

    @Test
    void resampleOntoSameGridIsIdentityForRandomVolumes() {
        Random r = new Random(0);
        for (int n = 0; n < 100; n++) {
            Volume v = TestVolumes.randomVolume(r, TestVolumes.randomGeometry(r));
            for (Interpolation in : Interpolation.values()) {
                Volume out = Resampling.resample(v, VolumeGrid.of(v), in, -5000f);
                assertArrayEquals(v.data(), out.data(), "interp " + in + " on " + v.geometry());
                assertEquals(v.geometry(), out.geometry());
            }
        }
    }

    @Test
    void linearHalvingSpacingInterpolatesMidpoints() {
        Volume v = new Volume(2, 1, 1, new float[] {0f, 10f}, VoxelGeometry.axial(2, 1, 1), IntensityInfo.rawGray());
        Volume out = Resampling.resample(v, new VolumeGrid(3, 1, 1, VoxelGeometry.axial(1, 1, 1)),
                Interpolation.LINEAR, -1f);
        assertArrayEquals(new float[] {0f, 5f, 10f}, out.data());
    }

    @Test
    void pointsOutsideTheSourceReadOutside() {
        Volume v = new Volume(2, 1, 1, new float[] {1f, 2f}, VoxelGeometry.axial(1, 1, 1), IntensityInfo.rawGray());
        VoxelGeometry shifted = VoxelGeometry.axial(1, 1, 1).withSpacingAndOrigin(new double[] {1, 1, 1},
                new double[] {1, 0, 0});
        Volume out = Resampling.resample(v, new VolumeGrid(2, 1, 1, shifted), Interpolation.LINEAR, -7f);
        assertArrayEquals(new float[] {2f, -7f}, out.data());
    }

    @Test
    void toSpacingKeepsExtent() {
        Volume v = new Volume(4, 4, 2, new float[32], VoxelGeometry.axial(1, 1, 3), IntensityInfo.rawGray());
        Volume out = Resampling.toSpacing(v, 2, 2, 1, Interpolation.LINEAR, 0f);
        assertEquals(List.of(2, 2, 6), List.of(out.nx(), out.ny(), out.nz()));
        assertArrayEquals(new double[] {2, 2, 1}, out.geometry().spacing(), 0);
    }

    @Test
    void maskResamplingIsNearestAndKeepsLabelsAndClasses() {
        byte[] labels = {0, 1, 2, 3};
        LabelMask m = new LabelMask(4, 1, 1, labels, VoxelGeometry.axial(1, 1, 1), List.of("a", "b", "c"), "test");
        LabelMask out = Resampling.resample(m, new VolumeGrid(8, 1, 1,
                VoxelGeometry.axial(0.5, 1, 1)));
        assertArrayEquals(new byte[] {0, 1, 1, 2, 2, 3, 3, 0}, out.labels());
        assertEquals(m.classNames(), out.classNames());
    }

    @Test
    void isotropicResamplingKeepsFirstVoxelDirectionsAndSharedVoxels() {
        Random r = new Random(9);
        for (int n = 0; n < 50; n++) {
            VoxelGeometry g0 = TestVolumes.randomGeometry(r);
            double s = g0.spacing(0);
            int m = 1 + r.nextInt(3);
            VoxelGeometry g = VoxelGeometry.of(new double[] {s, s, m * s}, g0.origin(), g0.direction());
            Volume v = TestVolumes.randomVolume(r, g);
            Volume iso = Resampling.isotropic(v, Interpolation.LINEAR, Float.NaN);
            assertArrayEquals(new double[] {s, s, s}, iso.geometry().spacing(), 1e-12);
            assertArrayEquals(g.origin(), iso.geometry().origin(), 1e-12);
            assertArrayEquals(g.direction(), iso.geometry().direction(), 1e-12);
            for (int k = 0; k < v.nz(); k++) { // source slice k is iso slice m·k
                for (int j = 0; j < v.ny(); j++) {
                    for (int i = 0; i < v.nx(); i++) {
                        assertEquals(v.get(i, j, k), iso.get(i, j, m * k), 0f);
                        assertArrayEquals(g.indexToWorld(i, j, k), iso.geometry().indexToWorld(i, j, m * k), 1e-9);
                    }
                }
            }
        }
    }
}
