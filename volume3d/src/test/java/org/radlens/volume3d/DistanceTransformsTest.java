package org.radlens.volume3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DistanceTransformsTest {

    /** min over sites of Σₐ (sₐ·Δₐ)², by looking at every pair of voxels. */
    static double[] bruteForce(boolean[] sites, int nx, int ny, int nz, double[] s) {
        double[] out = new double[sites.length];
        for (int p = 0; p < out.length; p++) {
            int pi = p % nx;
            int pj = p / nx % ny;
            int pk = p / (nx * ny);
            double best = Double.POSITIVE_INFINITY;
            for (int q = 0; q < sites.length; q++) {
                if (sites[q]) {
                    double dx = (q % nx - pi) * s[0];
                    double dy = (q / nx % ny - pj) * s[1];
                    double dz = (q / (nx * ny) - pk) * s[2];
                    best = Math.min(best, dx * dx + dy * dy + dz * dz);
                }
            }
            out[p] = best;
        }
        return out;
    }

    @Test
    void equalsBruteForceOnRandomAnisotropicMasks() {
        Random r = new Random(0);
        for (int n = 0; n < 200; n++) {
            int nx = 1 + r.nextInt(9);
            int ny = 1 + r.nextInt(9);
            int nz = 1 + r.nextInt(6);
            boolean[] sites = new boolean[nx * ny * nz];
            double density = 0.3 * r.nextDouble();
            for (int p = 0; p < sites.length; p++) {
                sites[p] = r.nextDouble() < density;
            }
            sites[r.nextInt(sites.length)] = true;
            double[] s = n % 4 == 0 ? new double[] {1, 1, 1}
                    : new double[] {0.1 + 2 * r.nextDouble(), 0.1 + 2 * r.nextDouble(), 0.1 + 4 * r.nextDouble()};
            double[] fast = DistanceTransforms.squaredMm(sites, nx, ny, nz, s);
            double[] slow = bruteForce(sites, nx, ny, nz, s);
            for (int p = 0; p < fast.length; p++) {
                assertEquals(slow[p], fast[p], 1e-12 * Math.max(1, slow[p]),
                        "voxel " + p + " of " + nx + "x" + ny + "x" + nz + " spacing " + java.util.Arrays.toString(s));
                if (n % 4 == 0) {
                    assertEquals(slow[p], fast[p], 0.0, "integer distances are exact on a 1 mm grid");
                }
            }
        }
    }

    @Test
    void gridOverloadUsesTheGridSpacing() {
        boolean[] sites = new boolean[5 * 1 * 3];
        sites[0] = true;
        VolumeGrid grid = new VolumeGrid(5, 1, 3, VoxelGeometry.axial(0.5, 1, 2.5));
        double[] d = DistanceTransforms.squaredMm(sites, grid);
        assertEquals(2.0 * 2.0 + 5.0 * 5.0, d[(2 * 1 + 0) * 5 + 4], 1e-12);   // voxel (4, 0, 2)
        assertEquals(0.0, d[0], 0.0);
    }

    @Test
    void noSiteIsInfinitelyFar() {
        double[] d = DistanceTransforms.squaredMm(new boolean[8], 2, 2, 2, new double[] {1, 1, 1});
        for (double v : d) {
            assertTrue(v == Double.POSITIVE_INFINITY);
        }
    }

    @Test
    void mismatchedInputIsRefusedWithTheSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DistanceTransforms.squaredMm(new boolean[7], 2, 2, 2, new double[] {1, 1, 1}));
        assertTrue(e.getMessage().contains("2x2x2") && e.getMessage().contains("7"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DistanceTransforms.squaredMm(new boolean[8], 2, 2, 2, new double[] {1, 0, 1}));
    }
}
