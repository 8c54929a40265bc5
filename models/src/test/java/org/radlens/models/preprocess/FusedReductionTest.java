package org.radlens.models.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The unit mapping fused into the block averaging ({@link Bilinear#boxReduceUnit}, what {@link Preprocessor} does for
 * big images) gives bit for bit what mapping the whole plane first ({@link Intensities#toUnit}) and averaging it with
 * the previous per-pixel formulation gave: the model input of a full-size film does not change.
 */
class FusedReductionTest {
    /** A 12-bit film-like plane with values below lo and above hi (clipped), odd sizes (edge blocks cut). */
    private static float[] film(int w, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.rint(2000 + 900 * Math.sin(i % w / 97.0) * Math.cos(i / w / 131.0)
                    + r.nextGaussian() * 40);
            v[i] = Math.max(0, Math.min(4095, v[i]));
        }
        return v;
    }

    @Test
    void fusedUnitMappingAndBlockAveragingEqualMapThenReduceBitForBit() {
        int w = 1251;
        int h = 1503;
        float[] plane = film(w, h, 15);
        float lo = 1310;
        float hi = 2790;
        for (int f : new int[] {2, 3, 6, 13}) {
            float[] mapped = plane.clone();
            Intensities.toUnit(mapped, lo, hi);
            float[] before = reference(mapped, w, h, f);
            float[] fused = Bilinear.boxReduceUnit(plane, w, h, f, lo, hi);
            assertArrayEquals(before, fused, 0f, "factor " + f);
            assertArrayEquals(before, Bilinear.boxReduce(mapped, w, h, f), 0f, "factor " + f + " without mapping");
        }
    }

    @Test
    void preprocessingAFullSizeFilmLeavesItsPixelsAndGivesTheSameModelInputAsMappingFirst() {
        int w = 2500;
        int h = 3000;
        float[] plane = film(w, h, 7);
        float[] copy = plane.clone();
        LetterboxTransform t = LetterboxTransform.fit(w, h, 224);
        float[] fused = Preprocessor.letterbox(plane, 1200f, 2900f, t, 0f);
        assertArrayEquals(copy, plane, 0f, "the source plane is read, not written");
        Intensities.toUnit(copy, 1200f, 2900f);
        float[] mappedFirst = Preprocessor.letterbox(copy, t, 0f);
        assertArrayEquals(mappedFirst, fused, 0f);
        assertEquals(224 * 224, fused.length);
    }

    /** The per-pixel formulation boxReduce had before the fusion (integer division per pixel, separate counts). */
    private static float[] reference(float[] plane, int w, int h, int f) {
        int rw = (w + f - 1) / f;
        int rh = (h + f - 1) / f;
        double[] sum = new double[rw * rh];
        int[] count = new int[rw * rh];
        for (int y = 0; y < h; y++) {
            int row = (y / f) * rw;
            for (int x = 0; x < w; x++) {
                sum[row + x / f] += plane[y * w + x];
                count[row + x / f]++;
            }
        }
        float[] out = new float[rw * rh];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (sum[i] / count[i]);
        }
        return out;
    }
}
