package org.radlens.volume3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CroppingTest {

    static IndexBox randomBox(Random r, int nx, int ny, int nz) {
        int i0 = r.nextInt(nx);
        int j0 = r.nextInt(ny);
        int k0 = r.nextInt(nz);
        return new IndexBox(i0, j0, k0, i0 + 1 + r.nextInt(nx - i0), j0 + 1 + r.nextInt(ny - j0),
                k0 + 1 + r.nextInt(nz - k0));
    }

    @Test
    void cropThenPlaceBackIsIdentityInsideAndFillOutside() {
        Random r = new Random(0);
        for (int n = 0; n < 100; n++) {
            Volume v = TestVolumes.randomVolume(r, TestVolumes.randomGeometry(r));
            IndexBox b = randomBox(r, v.nx(), v.ny(), v.nz());
            Volume c = Cropping.crop(v, b);
            Volume back = Cropping.placeOnto(c, VolumeGrid.of(v), -9999f);
            assertTrue(back.geometry().sameGrid(v.geometry(), 1e-9));
            for (int k = 0; k < v.nz(); k++) {
                for (int j = 0; j < v.ny(); j++) {
                    for (int i = 0; i < v.nx(); i++) {
                        float want = b.contains(i, j, k) ? v.get(i, j, k) : -9999f;
                        assertEquals(want, back.get(i, j, k), 0f, "voxel " + i + "," + j + "," + k);
                    }
                }
            }
        }
    }

    @Test
    void cropKeepsEveryVoxelsWorldPosition() {
        Random r = new Random(1);
        for (int n = 0; n < 100; n++) {
            Volume v = TestVolumes.randomVolume(r, TestVolumes.randomGeometry(r));
            IndexBox b = randomBox(r, v.nx(), v.ny(), v.nz());
            Volume c = Cropping.crop(v, b);
            int i = r.nextInt(c.nx());
            int j = r.nextInt(c.ny());
            int k = r.nextInt(c.nz());
            assertArrayEquals(v.geometry().indexToWorld(i + b.i0(), j + b.j0(), k + b.k0()),
                    c.geometry().indexToWorld(i, j, k), 1e-9);
            assertEquals(v.get(i + b.i0(), j + b.j0(), k + b.k0()), c.get(i, j, k));
        }
    }

    @Test
    void padThenCropBackIsIdentity() {
        Random r = new Random(2);
        for (int n = 0; n < 100; n++) {
            Volume v = TestVolumes.randomVolume(r, TestVolumes.randomGeometry(r));
            int[] before = {r.nextInt(4), r.nextInt(4), r.nextInt(4)};
            int[] after = {r.nextInt(4), r.nextInt(4), r.nextInt(4)};
            Volume p = Cropping.pad(v, before, after, 0f);
            Volume back = Cropping.crop(p, new IndexBox(before[0], before[1], before[2], before[0] + v.nx(),
                    before[1] + v.ny(), before[2] + v.nz()));
            assertArrayEquals(v.data(), back.data());
            assertTrue(back.geometry().sameGrid(v.geometry(), 1e-9), back.geometry() + " vs " + v.geometry());
        }
    }

    @Test
    void worldCropOfAnAxisAlignedGridTakesExactlyTheVoxelCentresInTheBox() {
        Random r = new Random(3);
        for (int n = 0; n < 100; n++) {
            VoxelGeometry g = VoxelGeometry.of(new double[] {0.5 + r.nextDouble(), 0.5 + r.nextDouble(), 1 + 2 * r
                    .nextDouble()}, new double[] {-100 * r.nextDouble(), 50, 10}, new double[] {1, 0, 0, 0, 1, 0, 0,
                        0, 1});
            Volume v = TestVolumes.randomVolume(r, g);
            double[] lo = {g.origin()[0] + r.nextDouble() * 3, 48 + r.nextDouble() * 3, 9 + r.nextDouble() * 4};
            double[] hi = {lo[0] + 1 + 4 * r.nextDouble(), lo[1] + 1 + 4 * r.nextDouble(), lo[2] + 3 + 5 * r
                    .nextDouble()};
            IndexBox b;
            try {
                b = Cropping.worldBox(VolumeGrid.of(v), lo, hi);
            } catch (IllegalArgumentException empty) {
                continue;
            }
            for (int k = 0; k < v.nz(); k++) {
                for (int j = 0; j < v.ny(); j++) {
                    for (int i = 0; i < v.nx(); i++) {
                        double[] w = g.indexToWorld(i, j, k);
                        boolean inside = w[0] >= lo[0] && w[0] <= hi[0] && w[1] >= lo[1] && w[1] <= hi[1]
                                && w[2] >= lo[2] && w[2] <= hi[2];
                        assertEquals(inside, b.contains(i, j, k), "voxel " + i + "," + j + "," + k);
                    }
                }
            }
        }
    }

    @Test
    void padMmAddsWholeVoxelsCoveringTheMargin() {
        Volume v = new Volume(2, 2, 2, new float[8], VoxelGeometry.axial(0.7, 1.0, 3.0), IntensityInfo.rawGray());
        Volume p = Cropping.padMm(v, 2.0, -1024f);
        assertEquals(2 + 2 * 3, p.nx());
        assertEquals(2 + 2 * 2, p.ny());
        assertEquals(2 + 2 * 1, p.nz());
        assertArrayEquals(new double[] {-2.1, -2.0, -3.0}, p.geometry().origin(), 1e-9);
    }

    @Test
    void refusesGridsThatDoNotShareVoxels() {
        Volume v = new Volume(2, 2, 2, new float[8], VoxelGeometry.axial(1, 1, 1), IntensityInfo.rawGray());
        VolumeGrid shifted = new VolumeGrid(3, 3, 3, VoxelGeometry.of(new double[] {1, 1, 1},
                new double[] {0.5, 0, 0}, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}));
        assertThrows(IllegalArgumentException.class, () -> Cropping.placeOnto(v, shifted, 0f));
        assertThrows(IllegalArgumentException.class, () -> Cropping.crop(v, new IndexBox(0, 0, 0, 3, 1, 1)));
    }
}
