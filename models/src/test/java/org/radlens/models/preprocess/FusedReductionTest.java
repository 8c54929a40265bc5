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

    @Test
    void prepareGivesTheModelInputOfTheCopyMapAndReducePipelineAndLeavesTheImageAlone() {
        for (var photometric : new org.radlens.volume3d.IntensityInfo.Photometric[] {
            org.radlens.volume3d.IntensityInfo.Photometric.MONOCHROME2,
            org.radlens.volume3d.IntensityInfo.Photometric.MONOCHROME1}) {
            for (int[] size : new int[][] {{2500, 3000}, {300, 200}}) {
                float[] plane = film(size[0], size[1], 11);
                var info = new org.radlens.volume3d.IntensityInfo("CR", "", false, java.util.Optional.empty(),
                        photometric);
                var image = org.radlens.volume3d.Image2D.gray(size[0], size[1], plane,
                        org.radlens.volume3d.VoxelGeometry.planar(0.14, 0.14), info);
                var spec = new org.radlens.models.pkg.ModelManifest.ImageSpec("image_encoder.onnx", "pixel_values",
                        224, 1, new org.radlens.models.pkg.ModelManifest.IntensitySpec(
                        org.radlens.models.pkg.ModelManifest.IntensityMode.PERCENTILE, 0.5, 99.5), "letterbox", 0.0,
                        java.util.List.of(0.5), java.util.List.of(0.25));
                float[] got = new Preprocessor(spec).prepare(image).pixels();
                assertArrayEquals(plane, image.channel(0), 0f, "image samples unchanged");
                float[] grey = Intensities.grey(image); // the previous pipeline: copy, map in place, reduce
                float[] range = Intensities.range(grey, spec.intensity(), java.util.Optional.empty());
                Intensities.toUnit(grey, range[0], range[1]);
                float[] boxed = Preprocessor.letterbox(grey, LetterboxTransform.fit(size[0], size[1], 224), 0f);
                float[] expected = new float[boxed.length];
                for (int i = 0; i < boxed.length; i++) {
                    expected[i] = (boxed[i] - 0.5f) / 0.25f;
                }
                assertArrayEquals(expected, got, 0f, photometric + " " + size[0] + "x" + size[1]);
            }
        }
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
