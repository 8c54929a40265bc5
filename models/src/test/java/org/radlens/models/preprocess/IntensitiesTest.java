package org.radlens.models.preprocess;

import org.junit.jupiter.api.Test;
import org.radlens.models.pkg.ModelManifest.IntensityMode;
import org.radlens.models.pkg.ModelManifest.IntensitySpec;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.VoxelGeometry;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IntensitiesTest {
    private static final VoxelGeometry G = VoxelGeometry.planar(1, 1);

    @Test
    void percentileIsNearestRank() {
        float[] sorted = new float[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1; // 1..100
        }
        assertEquals(1f, Intensities.percentile(sorted, 0));
        assertEquals(1f, Intensities.percentile(sorted, 0.5));   // rank ceil(0.5) = 1
        assertEquals(50f, Intensities.percentile(sorted, 50));
        assertEquals(100f, Intensities.percentile(sorted, 99.5)); // rank ceil(99.5) = 100
        assertEquals(100f, Intensities.percentile(sorted, 100));
    }

    @Test
    void monochrome1IsInvertedAroundItsRange() {
        IntensityInfo m1 = new IntensityInfo("CR", "raw", true, Optional.empty(), IntensityInfo.Photometric.MONOCHROME1);
        Image2D img = Image2D.gray(3, 1, new float[] {100, 150, 400}, G, m1);
        assertArrayEquals(new float[] {400, 350, 100}, Intensities.grey(img));
        Image2D m2 = Image2D.gray(3, 1, new float[] {100, 150, 400}, G, IntensityInfo.rawGray());
        assertArrayEquals(new float[] {100, 150, 400}, Intensities.grey(m2));
    }

    @Test
    void colourBecomesLuminance() {
        IntensityInfo rgb = new IntensityInfo("OT", "raw", false, Optional.empty(), IntensityInfo.Photometric.RGB);
        Image2D img = new Image2D(1, 1, 3, new float[] {100, 200, 50}, G, rgb);
        assertEquals(0.299f * 100 + 0.587f * 200 + 0.114f * 50, Intensities.grey(img)[0], 1e-4);
    }

    @Test
    void windowModeUsesTheSourceWindowElsePercentiles() {
        float[] v = {0, 50, 100};
        var window = Optional.of(new IntensityInfo.Window(40, 400));
        IntensitySpec spec = new IntensitySpec(IntensityMode.WINDOW, 1, 99);
        assertArrayEquals(new float[] {-160, 240}, Intensities.range(v, spec, window));
        assertArrayEquals(new float[] {0, 100}, Intensities.range(v, spec, Optional.empty()));
        assertArrayEquals(new float[] {0, 100}, Intensities.range(v, new IntensitySpec(IntensityMode.MINMAX, 0, 100),
                window));
    }

    @Test
    void toUnitClipsAndSurvivesAFlatImage() {
        float[] v = {-5, 0, 5, 10, 20};
        Intensities.toUnit(v, 0, 10);
        assertArrayEquals(new float[] {0, 0, 0.5f, 1, 1}, v);
        float[] flat = {3, 3};
        Intensities.toUnit(flat, 3, 3);
        assertArrayEquals(new float[] {0, 0}, flat);
    }

    @Test
    void histogramPercentilesEqualSortedPercentilesOnRandomImages() {
        java.util.Random r = new java.util.Random(0);
        for (int i = 0; i < 100; i++) {
            int n = 1 + r.nextInt(5000);
            boolean integral = i % 2 == 0;
            float[] v = new float[n];
            for (int k = 0; k < n; k++) {
                v[k] = integral ? r.nextInt(4096) - 1024 : (float) r.nextGaussian() * 100;
            }
            double lo = r.nextDouble() * 50;
            double hi = 50 + r.nextDouble() * 50;
            float[] sorted = v.clone();
            java.util.Arrays.sort(sorted);
            assertArrayEquals(new float[] {Intensities.percentile(sorted, lo), Intensities.percentile(sorted, hi)},
                    Intensities.percentiles(v, lo, hi), "n=" + n + " p=" + lo + "/" + hi);
        }
    }

    @Test
    void percentilesAtTheEdgesOfTheOnePassHistogramEqualSortedPercentiles() {
        float[][] cases = {
            {-65536, -65535, 0, 65535}, // the one-pass histogram's whole range, signed and unsigned 16-bit
            {65536, 65537, 3, 4}, // past it: the general path
            {-65537, 2, 2, 9},
            {0, 65535, 65535, 1, 7}, // unsigned 16-bit
            {-0.0f, 0, 1, -1}, // minus zero counts as zero (equal within 0: the sort keeps -0.0, counting gives 0.0)
            {1.5f, 1, 2, 3}, // not integral
            {3e9f, 3e9f, 3e9f + 256}, // integral but beyond int
            {5},
        };
        for (float[] v : cases) {
            for (double[] p : new double[][] {{0, 100}, {0.5, 99.5}, {25, 75}, {50, 50}}) {
                float[] sorted = v.clone();
                java.util.Arrays.sort(sorted);
                assertArrayEquals(new float[] {Intensities.percentile(sorted, p[0]), Intensities.percentile(sorted,
                    p[1])}, Intensities.percentiles(v, p[0], p[1]), 0f, java.util.Arrays.toString(v) + " " + p[0]);
            }
        }
        float[] nan = {1, Float.NaN, 3}; // NaN sorts last, as Arrays.sort puts it
        assertArrayEquals(new float[] {1, Float.NaN}, Intensities.percentiles(nan, 0, 100));
    }

    @Test
    void aMonochrome1WindowIsMirroredWithTheValues() {
        // raw 0..1000, window [600, 1000] (bright = dense in M1); after inversion those pixels sit at [0, 400]
        IntensityInfo m1 = new IntensityInfo("CR", "raw", true, Optional.of(new IntensityInfo.Window(800, 400)),
                IntensityInfo.Photometric.MONOCHROME1);
        Image2D img = Image2D.gray(3, 1, new float[] {0, 700, 1000}, G, m1);
        float[] grey = Intensities.grey(img);
        assertArrayEquals(new float[] {1000, 300, 0}, grey);
        IntensityInfo.Window w = Intensities.windowAfterInversion(img, grey).orElseThrow();
        assertEquals(200, w.center(), 1e-9);
        assertEquals(400, w.width(), 1e-9);
        Image2D m2 = Image2D.gray(3, 1, new float[] {0, 700, 1000}, G, new IntensityInfo("CR", "raw", true,
                Optional.of(new IntensityInfo.Window(800, 400)), IntensityInfo.Photometric.MONOCHROME2));
        assertEquals(800, Intensities.windowAfterInversion(m2, Intensities.grey(m2)).orElseThrow().center(), 1e-9);
    }
}
