package org.radlens.volume3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MasksTest {

    static LabelMask randomMask(Random r, double density) {
        int w = 3 + r.nextInt(10);
        int h = 3 + r.nextInt(10);
        int d = 2 + r.nextInt(8);
        byte[] l = new byte[w * h * d];
        for (int p = 0; p < l.length; p++) {
            l[p] = (byte) (r.nextDouble() < density ? 1 + r.nextInt(2) : 0);
        }
        VoxelGeometry g = VoxelGeometry.of(new double[] {0.5 + r.nextDouble(), 0.5 + r.nextDouble(),
            0.5 + 2 * r.nextDouble()}, new double[] {r.nextDouble(), 0, 0}, TestVolumes.randomRotation(r));
        return new LabelMask(w, h, d, l, g, List.of("a", "b"), "test");
    }

    static boolean contains(LabelMask big, LabelMask small) {
        byte[] a = big.labels();
        byte[] b = small.labels();
        for (int p = 0; p < a.length; p++) {
            if (b[p] != 0 && a[p] == 0) {
                return false;
            }
        }
        return true;
    }

    /** Brute force: is any foreground voxel within r mm of (x, y, z)? */
    static boolean nearForeground(LabelMask m, int x, int y, int z, double r) {
        double[] s = m.geometry().spacing();
        for (int k = 0; k < m.depth(); k++) {
            for (int j = 0; j < m.height(); j++) {
                for (int i = 0; i < m.width(); i++) {
                    double dx = (i - x) * s[0];
                    double dy = (j - y) * s[1];
                    double dz = (k - z) * s[2];
                    if (m.get(i, j, k) != 0 && dx * dx + dy * dy + dz * dz <= r * r * (1 + 1e-9) + 1e-9) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void binaryIsOneExactlyWhereTheLabelIs() {
        LabelMask m = new LabelMask(3, 2, 1, new byte[] {0, 1, 2, 1, (byte) 255, 0}, VoxelGeometry.axial(1, 1, 1),
                List.of("a", "b"), "t");
        assertArrayEquals(new byte[] {0, 1, 0, 1, 0, 0}, m.binary(1));
        assertArrayEquals(new byte[] {0, 0, 1, 0, 0, 0}, m.binary(2));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 1, 0}, m.binary(255));
        assertEquals(2, m.count(1));
    }

    @Test
    void dilationMatchesBruteForceSphere() {
        Random r = new Random(0);
        for (int n = 0; n < 40; n++) {
            LabelMask m = randomMask(r, 0.05);
            double radius = 3 * r.nextDouble();
            LabelMask d = Masks.dilate(m, radius);
            for (int z = 0; z < m.depth(); z++) {
                for (int y = 0; y < m.height(); y++) {
                    for (int x = 0; x < m.width(); x++) {
                        assertEquals(nearForeground(m, x, y, z, radius), d.get(x, y, z) == 1,
                                "voxel " + x + "," + y + "," + z + " r=" + radius);
                    }
                }
            }
            assertTrue(d.geometry().equals(m.geometry()));
        }
    }

    @Test
    void closingContainsAndOpeningIsContained() {
        Random r = new Random(1);
        for (int n = 0; n < 100; n++) {
            LabelMask m = randomMask(r, 0.1 + 0.6 * r.nextDouble());
            double radius = 4 * r.nextDouble();
            LabelMask closed = Masks.erode(Masks.dilate(m, radius), radius);
            LabelMask opened = Masks.dilate(Masks.erode(m, radius), radius);
            assertTrue(contains(closed, m), "closing must contain the mask, r=" + radius);
            assertTrue(contains(m, opened), "opening must lie inside the mask, r=" + radius);
            assertTrue(contains(Masks.dilate(m, radius), m));
            assertTrue(contains(m, Masks.erode(m, radius)));
        }
    }

    @Test
    void erosionIsTheComplementOfDilatingTheComplementInsideTheGrid() {
        byte[] l = new byte[7 * 7 * 7];
        java.util.Arrays.fill(l, (byte) 1);
        l[(3 * 7 + 3) * 7 + 3] = 0;
        LabelMask m = new LabelMask(7, 7, 7, l, VoxelGeometry.axial(1, 1, 1), List.of("x"), "t");
        LabelMask e = Masks.erode(m, 1.0);
        assertEquals(7 * 7 * 7 - 7, e.count(1), "the hole grows by its 6 face neighbours");
        LabelMask e2 = Masks.erode(m, Math.sqrt(2));
        assertEquals(7 * 7 * 7 - 19, e2.count(1), "r = sqrt 2 also takes the 12 edge neighbours");
    }

    @Test
    void unionAndIntersectionFollowSetAlgebra() {
        Random r = new Random(2);
        for (int n = 0; n < 100; n++) {
            LabelMask a = randomMask(r, 0.4);
            byte[] lb = new byte[a.labels().length];
            for (int p = 0; p < lb.length; p++) {
                lb[p] = (byte) (r.nextBoolean() ? 1 : 0);
            }
            LabelMask b = new LabelMask(a.width(), a.height(), a.depth(), lb, a.geometry(), List.of("b"), "t");
            LabelMask u = Masks.union(a, b, "u");
            LabelMask i = Masks.intersection(a, b, "i");
            assertEquals(a.labels().length - a.count(0) + b.count(1), u.count(1) + i.count(1));
            assertTrue(contains(u, a) && contains(u, b) && contains(a, i) && contains(b, i));
            assertEquals(List.of("u"), u.classNames());
            assertEquals(a.geometry(), u.geometry());
        }
    }

    @Test
    void boundingBoxAndVolumeInMillilitres() {
        byte[] l = new byte[10 * 8 * 6];
        for (int z = 1; z <= 3; z++) {
            for (int y = 2; y <= 6; y++) {
                for (int x = 4; x <= 5; x++) {
                    l[(z * 8 + y) * 10 + x] = 3;
                }
            }
        }
        VoxelGeometry g = VoxelGeometry.of(new double[] {0.5, 2, 10}, new double[] {1, 2, 3},
                new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        LabelMask m = new LabelMask(10, 8, 6, l, g, List.of("a", "b", "c"), "t");
        IndexBox b = Masks.boundingBox(m, 3).orElseThrow();
        assertEquals(new IndexBox(4, 2, 1, 6, 7, 4), b);
        assertArrayEquals(new double[] {1.0, 10.0, 30.0}, b.sizeMm(g), 1e-12);
        assertArrayEquals(new double[] {3, 6, 13}, b.firstVoxelWorld(g), 1e-12);
        assertEquals(2 * 5 * 3 * 0.5 * 2 * 10 / 1000.0, Masks.volumeMl(m, 3), 1e-12);
        assertTrue(Masks.boundingBox(m, 1).isEmpty());
    }

    @Test
    void volumeRoundTripKeepsLabelsAndGeometry() {
        LabelMask m = randomMask(new Random(4), 0.3);
        Volume v = Masks.toVolume(m);
        assertEquals(m.geometry(), v.geometry());
        LabelMask back = Masks.fromVolume(v, m.classNames(), m.source());
        assertArrayEquals(m.labels(), back.labels());
    }

    @Test
    void refusesDifferentGridsAndNegativeRadii() {
        LabelMask a = randomMask(new Random(5), 0.3);
        LabelMask b = new LabelMask(a.width(), a.height(), a.depth(), a.labels(), VoxelGeometry.axial(9, 9, 9),
                a.classNames(), "t");
        assertThrows(IllegalArgumentException.class, () -> Masks.union(a, b, "u"));
        assertThrows(IllegalArgumentException.class, () -> Masks.dilate(a, -1));
    }
}
