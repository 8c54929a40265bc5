package org.radlens.volume3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ObliqueReslicingTest {

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    @Test
    void planeAlongTheSliceAxisThroughAVoxelCentreEqualsTheAxisSlice() {
        Random r = new Random(0);
        for (int n = 0; n < 100; n++) {
            VoxelGeometry g0 = TestVolumes.randomGeometry(r);
            double s = g0.spacing(0);
            VoxelGeometry g = VoxelGeometry.of(new double[] {s, s, g0.spacing(2)}, g0.origin(), g0.direction());
            Volume v = TestVolumes.randomVolume(r, g);
            int k = r.nextInt(v.nz());
            double[] normal = cross(g.axis(0), g.axis(1));
            Image2D axial = Reslicing.slice(v, Plane.AXIAL, k);
            for (Interpolation interp : Interpolation.values()) {
                Image2D obl = ObliqueReslicing.slice(v, new ObliquePlane(g.indexToWorld(0, 0, k), normal), s, s,
                        interp, Float.NaN);
                assertEquals(axial.width(), obl.width());
                assertEquals(axial.height(), obl.height());
                assertArrayEquals(axial.data(), obl.data(), 1e-3f, interp.name());
                assertTrue(axial.geometry().sameGrid(obl.geometry(), 1e-6),
                        axial.geometry() + " vs " + obl.geometry());
            }
        }
    }

    @Test
    void everyPixelLiesOnThePlaneAndReadsTheVolumeThere() {
        Random r = new Random(1);
        for (int n = 0; n < 50; n++) {
            Volume v = TestVolumes.randomVolume(r, TestVolumes.randomGeometry(r));
            double[] centre = v.geometry().indexToWorld((v.nx() - 1) / 2.0, (v.ny() - 1) / 2.0, (v.nz() - 1) / 2.0);
            ObliquePlane plane = new ObliquePlane(centre, new double[] {r.nextGaussian(), r.nextGaussian(),
                r.nextGaussian()});
            Image2D img = ObliqueReslicing.slice(v, plane, 0.7, 0.9, Interpolation.LINEAR, Float.NaN);
            int x = r.nextInt(img.width());
            int y = r.nextInt(img.height());
            double[] w = img.geometry().indexToWorld(x, y, 0);
            assertEquals(0, plane.distance(w), 1e-9);
            double[] idx = v.geometry().worldToIndex(w[0], w[1], w[2]);
            float expected = Interpolation.LINEAR.sample(v.data(), v.nx(), v.ny(), v.nz(), idx[0], idx[1], idx[2],
                    Float.NaN);
            assertEquals(expected, img.get(x, y), 1e-2f);
            assertEquals(0.7, img.geometry().spacing(0), 1e-12);
        }
    }

    @Test
    void refusesDegenerateInput() {
        assertThrows(IllegalArgumentException.class, () -> new ObliquePlane(new double[3], new double[3]));
        Volume v = new Volume(2, 2, 2, new float[8], VoxelGeometry.axial(1, 1, 1), IntensityInfo.rawGray());
        assertThrows(IllegalArgumentException.class, () -> ObliqueReslicing.slice(v,
                new ObliquePlane(new double[3], new double[] {0, 0, 1}), 0, 1, Interpolation.LINEAR, 0f));
    }
}
