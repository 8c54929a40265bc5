package org.radlens.models.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.radlens.models.pkg.ModelManifest;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.ReducedImage;
import org.radlens.volume3d.VoxelGeometry;

/**
 * {@link Preprocessor#prepare(ReducedImage)}: the model input of a reduced plane is placed on the FULL grid (transform
 * and geometry of the full film), sampled at full coordinate / 2^d; with 0 levels it is the full-size pipeline bit
 * for bit.
 */
class ReducedPreprocessingTest {
    private static final VoxelGeometry GEOMETRY = VoxelGeometry.planar(0.14, 0.16);

    private static Preprocessor preprocessor(ModelManifest.IntensityMode mode) {
        return new Preprocessor(new ModelManifest.ImageSpec("image_encoder.onnx", "pixel_values", 224, 1,
                new ModelManifest.IntensitySpec(mode, 0.5, 99.5), "letterbox", 0.0, List.of(0.5), List.of(0.25)));
    }

    /** A linear ramp {@code v = x + 2y}: every block mean and bilinear sample of it is exact. */
    private static float ramp(double x, double y) {
        return (float) (x + 2 * y);
    }

    @Test
    void aReducedRampGivesTheFullRampsModelInputOnTheFullGrid() {
        int w = 1001;
        int h = 1201; // (w − 1) and (h − 1) are multiples of 4: the reduced plane's last pixel is the full one's
        for (int d : new int[] {1, 2, 3}) {
            Image2D full = image(w, h, 0);
            Image2D small = image(ReducedImage.reducedSize(w, d), ReducedImage.reducedSize(h, d), d);
            ReducedImage red = new ReducedImage(small, d, w, h, GEOMETRY);
            Preprocessor p = preprocessor(ModelManifest.IntensityMode.MINMAX);
            PreparedImage want = p.prepare(full);
            PreparedImage got = p.prepare(red);
            assertEquals(want.transform(), got.transform(), "d=" + d);
            assertEquals(GEOMETRY, got.sourceGeometry());
            // off by one reduced pixel's centring (2^d·i + (2^d − 1)/2) this would differ by ≥ 0.5 full pixel, ~1e-3 here
            double max = 0;
            LetterboxTransform t = got.transform();
            for (int y = t.offsetY() + 2; y < t.offsetY() + t.scaledHeight() - 2; y++) {
                for (int x = t.offsetX() + 2; x < t.offsetX() + t.scaledWidth() - 2; x++) {
                    max = Math.max(max, Math.abs(want.pixels()[y * 224 + x] - got.pixels()[y * 224 + x]));
                }
            }
            assertTrue(max < 1e-4, "d=" + d + ": max |difference| " + max);
        }
    }

    @Test
    void zeroLevelsIsTheFullSizePipelineBitForBit() {
        for (int[] size : new int[][] {{2500, 3000}, {300, 200}, {100, 90}}) {
            Image2D full = FilmPlanes.image(size[0], size[1], GEOMETRY);
            Preprocessor p = preprocessor(ModelManifest.IntensityMode.PERCENTILE);
            PreparedImage got = p.prepare(ReducedImage.full(full));
            assertArrayEquals(reference(full), got.pixels(), 0f, size[0] + "x" + size[1]);
            assertArrayEquals(p.prepare(full).pixels(), got.pixels(), 0f);
            assertEquals(full.geometry(), got.sourceGeometry());
        }
    }

    /** The full-size pipeline as it was before reduced inputs: box reduce by floor(1/k), sample at (x + 0.5)/(k·f) − 0.5. */
    private static float[] reference(Image2D image) {
        float[] grey = Intensities.grey(image);
        float[] range = Intensities.range(grey, new ModelManifest.IntensitySpec(ModelManifest.IntensityMode.PERCENTILE,
                0.5, 99.5), Optional.empty());
        Intensities.toUnit(grey, range[0], range[1]);
        LetterboxTransform t = LetterboxTransform.fit(image.width(), image.height(), 224);
        int f = t.scale() < 1 ? Math.max(1, (int) Math.floor(1.0 / t.scale())) : 1;
        float[] reduced = Bilinear.boxReduce(grey, image.width(), image.height(), f);
        int rw = (image.width() + f - 1) / f;
        int rh = (image.height() + f - 1) / f;
        float[] out = new float[224 * 224];
        double inv = 1.0 / (t.scale() * f);
        for (int y = 0; y < t.scaledHeight(); y++) {
            double ys = (y + 0.5) * inv - 0.5;
            for (int x = 0; x < t.scaledWidth(); x++) {
                float v = Bilinear.sample(reduced, rw, rh, (x + 0.5) * inv - 0.5, ys);
                out[(y + t.offsetY()) * 224 + t.offsetX() + x] = (v - 0.5f) / 0.25f;
            }
        }
        for (int i = 0; i < out.length; i++) {
            int x = i % 224;
            int y = i / 224;
            if (!t.coversImage(x, y)) {
                out[i] = (0f - 0.5f) / 0.25f;
            }
        }
        return out;
    }

    /** The ramp sampled at full coordinates 2^d·i. */
    private static Image2D image(int w, int h, int d) {
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = ramp((double) x * (1 << d), (double) y * (1 << d));
            }
        }
        return Image2D.gray(w, h, v, ReducedImage.reducedGeometry(GEOMETRY, d), IntensityInfo.rawGray());
    }

    /** Film-like planes with noise (integral values, so percentiles go through the histogram path). */
    private static final class FilmPlanes {
        static Image2D image(int w, int h, VoxelGeometry g) {
            java.util.Random r = new java.util.Random(w * 31L + h);
            float[] v = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    v[y * w + x] = (float) Math.rint(1000 + 800 * Math.sin(x / 97.0) * Math.cos(y / 131.0)
                            + r.nextGaussian() * 30);
                }
            }
            return Image2D.gray(w, h, v, g, IntensityInfo.rawGray());
        }
    }
}
