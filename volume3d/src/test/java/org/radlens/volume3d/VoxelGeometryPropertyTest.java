package org.radlens.volume3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VoxelGeometryPropertyTest {

    @Test
    void indexToWorldToIndexIsIdentityFor1000RandomGeometries() {
        Random r = new Random(0);
        for (int n = 0; n < 1000; n++) {
            VoxelGeometry g = TestVolumes.randomGeometry(r);
            double[] idx = {r.nextDouble() * 500, r.nextDouble() * 500, r.nextDouble() * 300};
            double[] w = g.indexToWorld(idx[0], idx[1], idx[2]);
            assertArrayEquals(idx, g.worldToIndex(w[0], w[1], w[2]), 1e-9, "geometry " + g);
        }
    }

    @Test
    void affineAgreesWithIndexToWorld() {
        Random r = new Random(1);
        for (int n = 0; n < 100; n++) {
            VoxelGeometry g = TestVolumes.randomGeometry(r);
            double[] a = g.affine();
            double i = r.nextInt(100);
            double j = r.nextInt(100);
            double k = r.nextInt(100);
            double[] viaAffine = {a[0] * i + a[1] * j + a[2] * k + a[3], a[4] * i + a[5] * j + a[6] * k + a[7],
                a[8] * i + a[9] * j + a[10] * k + a[11]};
            assertArrayEquals(g.indexToWorld(i, j, k), viaAffine, 1e-9);
        }
    }
}
