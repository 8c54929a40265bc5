package org.radlens.validation.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void normalQuantilesMatchScipy() {
        // scipy.stats.norm.ppf / cdf
        assertEquals(1.959963984540054, Stats.normalQuantile(0.975), 1e-12);
        assertEquals(-2.3263478740408408, Stats.normalQuantile(0.01), 1e-12);
        assertEquals(3.090232306167813, Stats.normalQuantile(0.999), 1e-11);
        assertEquals(0.9750021048517795, Stats.normalCdf(1.96), 1e-14);
        assertEquals(2.866515718791939e-07, Stats.normalCdf(-5), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Stats.normalQuantile(1));
    }

    @Test
    void quantileInvertsCdf() {
        java.util.Random r = new java.util.Random(0);
        for (int i = 0; i < 100; i++) {
            double p = 1e-6 + r.nextDouble() * (1 - 2e-6);
            assertEquals(p, Stats.normalCdf(Stats.normalQuantile(p)), 1e-13);
        }
    }

    @Test
    void midranksAverageTies() {
        assertArrayEquals(new double[] {1, 3, 3, 3, 5.5, 5.5}, Stats.midranks(new double[] {0, 2, 2, 2, 7, 7}));
        assertArrayEquals(new double[] {2, 1}, Stats.midranks(new double[] {5, -1}));
    }

    @Test
    void percentileInterpolatesLikeNumpy() {
        double[] v = {4, 1, 3, 2};
        assertEquals(3.85, Stats.percentile(v, 95), 1e-12); // np.percentile([1,2,3,4], 95)
        assertEquals(2.5, Stats.percentile(v, 50), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(new double[0], 50));
    }
}
