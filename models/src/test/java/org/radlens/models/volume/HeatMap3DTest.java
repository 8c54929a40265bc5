package org.radlens.models.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.radlens.models.encode.Stream;
import org.radlens.volume3d.Plane;
import org.radlens.volume3d.VolumeGrid;
import org.radlens.volume3d.VoxelGeometry;

class HeatMap3DTest {
    private static HeatMap3D map(float[] v) {
        return HeatMap3D.adopt(new VolumeGrid(4, 3, 2, VoxelGeometry.axial(1, 1, 2)), v, "q", Stream.PATHOLOGY,
                Plane.AXIAL);
    }

    @Test
    void peakIsTheFirstHighestVoxelInVoxelOrderAsXYSlice() {
        float[] v = new float[24];
        v[(1 * 3 + 2) * 4 + 3] = 5;      // x 3, y 2, slice 1
        v[(0 * 3 + 1) * 4 + 2] = 5;      // x 2, y 1, slice 0: same value, earlier in voxel order
        v[7] = 4;
        assertArrayEquals(new int[] {2, 1, 0}, map(v).peak());
        v[(0 * 3 + 1) * 4 + 2] = 0;
        assertArrayEquals(new int[] {3, 2, 1}, map(v).peak());
    }

    @Test
    void anAllNegativeMapStillHasAPeak() {
        float[] v = new float[24];
        java.util.Arrays.fill(v, -3f);
        v[13] = -1f;
        assertArrayEquals(new int[] {1, 0, 1}, map(v).peak());
    }
}
