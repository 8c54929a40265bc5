package org.radlens.validation.metrics;

/**
 * Calibration of predicted probabilities: reliability curve and expected calibration error (ECE) with equal-width
 * bins. Probabilities must lie in [0, 1]; any labels are allowed (a single class is a legitimate, if poor, test).
 *
 * <pre>{@code
 * double ece = Calibration.expectedCalibrationError(labels, probabilities, 10);
 * }</pre>
 */
public final class Calibration {
    private Calibration() {
    }

    /** The reliability curve with {@code bins} equal-width bins; see {@link ReliabilityCurve} for the binning. */
    public static ReliabilityCurve reliability(boolean[] labels, double[] probabilities, int bins) {
        Stats.checkSameLength(labels, probabilities);
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1: " + bins);
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("calibration of an empty sample");
        }
        double[] sumP = new double[bins];
        double[] sumY = new double[bins];
        long[] n = new long[bins];
        for (int i = 0; i < labels.length; i++) {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probabilities[" + i + "] is outside [0, 1]: " + p);
            }
            int b = bin(p, bins);
            sumP[b] += p;
            sumY[b] += labels[i] ? 1 : 0;
            n[b]++;
        }
        int nonEmpty = 0;
        for (long c : n) {
            nonEmpty += c > 0 ? 1 : 0;
        }
        double[] mp = new double[nonEmpty];
        double[] fp = new double[nonEmpty];
        long[] cnt = new long[nonEmpty];
        for (int b = 0, k = 0; b < bins; b++) {
            if (n[b] > 0) {
                mp[k] = sumP[b] / n[b];
                fp[k] = sumY[b] / n[b];
                cnt[k++] = n[b];
            }
        }
        return new ReliabilityCurve(mp, fp, cnt, bins);
    }

    /** ECE with {@code bins} equal-width bins. */
    public static double expectedCalibrationError(boolean[] labels, double[] probabilities, int bins) {
        return reliability(labels, probabilities, bins).expectedCalibrationError();
    }

    /** Index of the bin holding p: the number of inner edges {@code e_k = k·(1/B)}, k = 1..B−1, that are &lt; p. */
    static int bin(double p, int bins) {
        double step = 1.0 / bins;
        int b = Math.min((int) Math.floor(p * bins), bins - 1);
        while (b > 0 && b * step >= p) {
            b--;
        }
        while (b < bins - 1 && (b + 1) * step < p) {
            b++;
        }
        return b;
    }
}
