package org.radlens.validation.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.radlens.volume3d.LabelMask;
import org.radlens.volume3d.VolumeGrid;
import org.radlens.volume3d.VoxelGeometry;

class BinaryMaskTest {

    @Test
    void ofLabelMaskKeepsTheMasksGrid() {
        VoxelGeometry g = VoxelGeometry.of(new double[] {0.5, 0.8, 2}, new double[] {10, -3, 7},
                new double[] {0, 1, 0, 1, 0, 0, 0, 0, -1});
        LabelMask m = new LabelMask(3, 2, 2, new byte[] {0, 1, 2, 1, 0, 0, 0, 0, 2, 2, 1, 0}, g, List.of("a", "b"), "t");
        BinaryMask b = BinaryMask.of(m, 2);
        assertEquals(m.grid(), b.grid());
        assertArrayEquals(new double[] {0.5, 0.8, 2}, b.spacing());
        assertEquals(3, b.count());
        assertEquals(6, BinaryMask.of(m, -1).count());
    }

    @Test
    void sizeAndSpacingConstructorPlacesAnIdentityGrid() {
        BinaryMask b = new BinaryMask(2, 2, 1, new boolean[] {true, false, false, true}, new double[] {0.5, 3, 1});
        assertEquals(new VolumeGrid(2, 2, 1, VoxelGeometry.axial(0.5, 3, 1)), b.grid());
        assertThrows(IllegalArgumentException.class, () -> new BinaryMask(2, 2, 1, new boolean[3], new double[] {1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new BinaryMask(2, 2, 1, new boolean[4], new double[] {1, 0, 1}));
    }

    @Test
    void onGridMovesFlagsOntoAGridOfTheSameSizeOnly() {
        BinaryMask b = BinaryMask.planar(2, 2, new boolean[] {true, false, false, true}, 1, 1);
        VolumeGrid other = new VolumeGrid(2, 2, 1, VoxelGeometry.planar(0.2, 0.3));
        BinaryMask moved = b.onGrid(other);
        assertEquals(other, moved.grid());
        assertArrayEquals(b.values(), moved.values());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.onGrid(new VolumeGrid(4, 1, 1, VoxelGeometry.planar(1, 1))));
        assertTrue(e.getMessage().contains("2x2x1") && e.getMessage().contains("4x1x1"), e.getMessage());
    }

    /** HD (max of both directed distance sets) against a brute-force search between surface voxels. */
    @Test
    void hausdorffEqualsBruteForceOnRandomAnisotropicMasks() {
        Random r = new Random(3);
        for (int n = 0; n < 50; n++) {
            int w = 2 + r.nextInt(7);
            int h = 2 + r.nextInt(7);
            int d = 1 + r.nextInt(4);
            double[] s = {0.2 + r.nextDouble(), 0.2 + r.nextDouble(), 0.5 + 3 * r.nextDouble()};
            BinaryMask a = random(r, w, h, d, s);
            BinaryMask b = random(r, w, h, d, s);
            boolean[] sa = Segmentation.surfaceOf(a).values();
            boolean[] sb = Segmentation.surfaceOf(b).values();
            double worst = Math.max(directedMax(sa, sb, w, h, s), directedMax(sb, sa, w, h, s));
            assertEquals(worst, Segmentation.surfaceDistances(a, b).hausdorff(), 1e-9 * Math.max(1, worst));
        }
    }

    private static BinaryMask random(Random r, int w, int h, int d, double[] s) {
        boolean[] v = new boolean[w * h * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble() < 0.4;
        }
        v[r.nextInt(v.length)] = true;
        return new BinaryMask(w, h, d, v, s);
    }

    private static double directedMax(boolean[] from, boolean[] to, int w, int h, double[] s) {
        double worst = 0;
        for (int p = 0; p < from.length; p++) {
            if (!from[p]) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int q = 0; q < to.length; q++) {
                if (to[q]) {
                    double dx = (p % w - q % w) * s[0];
                    double dy = (p / w % h - q / w % h) * s[1];
                    double dz = (p / (w * h) - q / (w * h)) * s[2];
                    best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
                }
            }
            worst = Math.max(worst, best);
        }
        return worst;
    }
}
