package org.radlens.models.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link UnitTable}: bit for bit {@link Intensities#unit}, in and out of its table. */
class UnitTableTest {
    @Test
    void everyValueMapsToTheSameFloatAsTheFormula() {
        Random r = new Random(3);
        float[][] ranges = {{0, 4095}, {12.5f, 3987.25f}, {-1024, 3071}, {-0.5f, 0.5f}, {7, 7}, {9, 3},
            {0, 65535}, {-3e7f, 3e7f}, {0, 2e6f}, {Float.NaN, 1}, {0, Float.POSITIVE_INFINITY}, {100, 100.25f}};
        for (float[] lh : ranges) {
            UnitTable t = UnitTable.of(lh[0], lh[1]);
            float span = lh[1] - lh[0];
            float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0, lh[0], lh[1],
                (float) Math.floor(lh[0]), (float) Math.ceil(lh[1]), (float) Math.floor(lh[0]) - 1,
                (float) Math.ceil(lh[1]) + 1, 1 << 24, -(1 << 24), 3e9f};
            for (float v : special) {
                same(Intensities.unit(v, lh[0], span), t.apply(v), lh, v);
            }
            for (int k = 0; k < 20_000; k++) {
                float v = k % 3 == 0 ? r.nextInt(70_000) - 2_000 : k % 3 == 1 ? (float) (r.nextGaussian() * 3000)
                        : Math.round(lh[0] + r.nextFloat() * (lh[1] - lh[0]));
                same(Intensities.unit(v, lh[0], span), t.apply(v), lh, v);
            }
        }
    }

    private static void same(float want, float got, float[] lh, float v) {
        assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(got),
                "unit(" + v + ") on [" + lh[0] + ", " + lh[1] + "]: " + want + " vs " + got);
    }
}
