package org.radlens.models.preprocess;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BilinearTest {

    @Test
    void resizeToTheSameSizeIsIdentity() {
        Random r = new Random(0);
        float[] p = new float[7 * 5];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextFloat();
        }
        assertArrayEquals(p, Bilinear.resize(p, 7, 5, 7, 5), 1e-7f);
    }

    @Test
    void upsamplingTwoPixelsMatchesPyTorchAlignCornersFalse() {
        // torch.nn.functional.interpolate(tensor([[[[0., 1.]]]]), size=(1, 4), mode="bilinear", align_corners=False)
        // = [0, 0.25, 0.75, 1]
        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f}, Bilinear.resize(new float[] {0, 1}, 2, 1, 4, 1), 1e-7f);
    }

    @Test
    void samplingClampsAtTheEdges() {
        float[] p = {1, 2, 3, 4};
        assertEquals(1f, Bilinear.sample(p, 2, 2, -3, -3));
        assertEquals(4f, Bilinear.sample(p, 2, 2, 9, 9));
        assertEquals(2.5f, Bilinear.sample(p, 2, 2, 0.5, 0.5), 1e-7f);
    }

    @Test
    void aConstantMapStaysConstantOnTheSourceGrid() {
        LetterboxTransform t = LetterboxTransform.fit(37, 19, 32);
        float[] map = new float[16];
        java.util.Arrays.fill(map, 0.3f);
        float[] out = Bilinear.toSourceGrid(map, 4, 4, t);
        assertEquals(37 * 19, out.length);
        for (float v : out) {
            assertEquals(0.3f, v, 1e-6f);
        }
    }

    @Test
    void aMapMadeFromSourceCoordinatesMapsBackToThem() {
        // input-grid map holding each input pixel's source x: back on the source grid it reads x again
        LetterboxTransform t = LetterboxTransform.fit(40, 30, 32);
        float[] map = new float[32 * 32];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                map[y * 32 + x] = (float) t.toSource(x, y)[0];
            }
        }
        float[] back = Bilinear.toSourceGrid(map, 32, 32, t);
        for (int x = 1; x < 39; x++) {
            assertEquals(x, back[15 * 40 + x], 1e-4, "x=" + x);
        }
    }

    @Test
    void boxReduceAveragesBlocksAndPartialEdgeBlocks() {
        float[] p = {
            1, 2, 3,
            3, 4, 5,
            10, 10, 10,
        };
        // 2×2 blocks: [1 2 3 4] → 2.5; [3 5] → 4; [10 10] → 10; [10] → 10
        assertArrayEquals(new float[] {2.5f, 4f, 10f, 10f}, Bilinear.boxReduce(p, 3, 3, 2), 1e-7f);
        assertArrayEquals(p, Bilinear.boxReduce(p, 3, 3, 1));
    }
}
