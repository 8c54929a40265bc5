package org.radlens.volume3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {

    /** Separated random boxes (gap ≥ 2 voxels between them, so no 26-neighbourhood touches) on a 40³ grid. */
    @Test
    void countsSeparatedBlobsWithBothConnectivities() {
        Random r = new Random(0);
        for (int n = 0; n < 30; n++) {
            int blobs = 1 + r.nextInt(6);
            byte[] l = new byte[40 * 40 * 40];
            long[] expectedSizes = new long[blobs];
            for (int b = 0; b < blobs; b++) { // blob b lives in the slab x in [b·6, b·6 + 4]
                int x0 = b * 6;
                int sx = 1 + r.nextInt(4);
                int sy = 1 + r.nextInt(20);
                int sz = 1 + r.nextInt(20);
                int y0 = r.nextInt(40 - sy);
                int z0 = r.nextInt(40 - sz);
                for (int z = z0; z < z0 + sz; z++) {
                    for (int y = y0; y < y0 + sy; y++) {
                        for (int x = x0; x < x0 + sx; x++) {
                            l[(z * 40 + y) * 40 + x] = 1;
                        }
                    }
                }
                expectedSizes[b] = (long) sx * sy * sz;
            }
            LabelMask m = new LabelMask(40, 40, 40, l, VoxelGeometry.axial(1, 1, 1), List.of("x"), "t");
            for (Connectivity c : Connectivity.values()) {
                Components comp = ConnectedComponents.label(m, 1, c);
                assertEquals(blobs, comp.count(), c.name());
                long[] got = comp.sizes().clone();
                long[] want = expectedSizes.clone();
                java.util.Arrays.sort(got);
                java.util.Arrays.sort(want);
                assertArrayEquals(want, got);
            }
        }
    }

    @Test
    void diagonalNeighboursJoinOnlyWith26() {
        byte[] l = new byte[3 * 3 * 3];
        l[0] = 1;                       // (0,0,0)
        l[(1 * 3 + 1) * 3 + 1] = 1;     // (1,1,1): corner neighbour
        l[(2 * 3 + 2) * 3 + 1] = 1;     // (1,2,2): edge neighbour of (1,1,1)
        LabelMask m = new LabelMask(3, 3, 3, l, VoxelGeometry.axial(1, 1, 1), List.of("x"), "t");
        assertEquals(3, ConnectedComponents.label(m, 1, Connectivity.SIX).count());
        assertEquals(1, ConnectedComponents.label(m, 1, Connectivity.TWENTY_SIX).count());
        assertEquals(6, Connectivity.SIX.offsets().length);
        assertEquals(26, Connectivity.TWENTY_SIX.offsets().length);
    }

    @Test
    void componentsPartitionTheForegroundAndAreConnected() {
        Random r = new Random(1);
        for (int n = 0; n < 50; n++) {
            LabelMask m = MasksTest.randomMask(r, 0.3 + 0.4 * r.nextDouble());
            for (Connectivity c : Connectivity.values()) {
                Components comp = ConnectedComponents.label(m, 1, c);
                long total = 0;
                for (long s : comp.sizes()) {
                    total += s;
                }
                assertEquals(m.count(1), total);
                int[] ids = comp.ids();
                int w = m.width();
                int h = m.height();
                for (int p = 0; p < ids.length; p++) { // neighbours in the set share the id
                    if (ids[p] == 0) {
                        continue;
                    }
                    int x = p % w;
                    int y = (p / w) % h;
                    int z = p / (w * h);
                    for (int[] o : c.offsets()) {
                        int xx = x + o[0];
                        int yy = y + o[1];
                        int zz = z + o[2];
                        if (xx >= 0 && yy >= 0 && zz >= 0 && xx < w && yy < h && zz < m.depth()) {
                            int q = (zz * h + yy) * w + xx;
                            assertTrue(ids[q] == 0 || ids[q] == ids[p]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void keepLargestKeepsOneComponentPerLabelAndTheGeometry() {
        Random r = new Random(2);
        for (int n = 0; n < 50; n++) {
            LabelMask m = MasksTest.randomMask(r, 0.4);
            LabelMask k = ConnectedComponents.keepLargest(m, Connectivity.SIX);
            assertEquals(m.geometry(), k.geometry());
            assertEquals(m.classNames(), k.classNames());
            for (int label = 1; label <= 2; label++) {
                Components before = ConnectedComponents.label(m, label, Connectivity.SIX);
                Components after = ConnectedComponents.label(k, label, Connectivity.SIX);
                assertEquals(Math.min(1, before.count()), after.count());
                if (before.count() > 0) {
                    assertEquals(before.sizes()[before.largest() - 1], k.count(label));
                }
            }
            assertTrue(MasksTest.contains(m, k));
        }
    }

    @Test
    void keepAtLeastDropsSmallComponents() {
        byte[] l = new byte[10];
        l[0] = 1;
        l[2] = 1;
        l[3] = 1;
        l[5] = 2;
        LabelMask m = new LabelMask(10, 1, 1, l, VoxelGeometry.axial(1, 1, 1), List.of("a", "b"), "t");
        LabelMask k = ConnectedComponents.keepAtLeast(m, Connectivity.SIX, 2);
        assertEquals(2, k.count(1));
        assertEquals(0, k.count(2));
        assertEquals(1, k.get(2, 0, 0));
    }
}
