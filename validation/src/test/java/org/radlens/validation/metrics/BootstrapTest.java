package org.radlens.validation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void aucIntervalIsPlausibleAgainstDeLong() {
        Random rnd = new Random(0);
        for (int rep = 0; rep < 5; rep++) {
            int n = 200 + rnd.nextInt(200);
            boolean[] y = new boolean[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextDouble() < 0.4;
                s[i] = rnd.nextGaussian() + (y[i] ? 1.0 : 0);
            }
            ConfidenceInterval boot = Bootstrap.stratified(y, s, Classification::rocAuc, 1000, 0.95, rep);
            AucEstimate dl = DeLong.auc(y, s, 0.95);
            assertEquals(dl.auc(), boot.estimate(), 1e-12);
            assertTrue(boot.lower() < boot.estimate() && boot.estimate() < boot.upper(), boot.toString());
            double wBoot = boot.upper() - boot.lower();
            double wDl = dl.ci().upper() - dl.ci().lower();
            assertEquals(wDl, wBoot, 0.25 * wDl, "bootstrap width " + wBoot + " vs DeLong " + wDl);
            assertEquals(dl.ci().lower(), boot.lower(), 0.03);
            assertEquals(dl.ci().upper(), boot.upper(), 0.03);
        }
    }

    @Test
    void sameSeedSameInterval() {
        boolean[] y = {true, false, true, false, true, false, false, true};
        double[] s = {0.9, 0.1, 0.4, 0.5, 0.8, 0.3, 0.7, 0.2};
        ConfidenceInterval a = Bootstrap.stratified(y, s, Classification::rocAuc, 500, 0.9, 7);
        ConfidenceInterval b = Bootstrap.stratified(y, s, Classification::rocAuc, 500, 0.9, 7);
        assertEquals(a, b);
    }

    @Test
    void refusesSingleClassAndTooFewReplicates() {
        double[] s = {0.1, 0.2, 0.3};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Bootstrap.stratified(new boolean[3], s, Classification::rocAuc, 1000, 0.95, 1));
        assertTrue(e.getMessage().contains("0 positives"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Bootstrap.stratified(new boolean[] {true, false, true}, s, Classification::rocAuc, 10, 0.95, 1));
    }

    @Test
    void nonFiniteStatisticIsReported() {
        boolean[] y = {true, false, true, false};
        double[] s = {1, 2, 3, 4};
        assertThrows(IllegalArgumentException.class,
                () -> Bootstrap.stratified(y, s, (l, v) -> Double.NaN, 100, 0.95, 1));
    }
}
