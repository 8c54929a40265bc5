package org.radlens.dicomio;

import java.util.Arrays;
import java.util.List;

/** Geometry checks over sorted slices of one series; see {@link DicomSeries} for the rules. */
final class SliceChecks {
    private static final double REL_TOL = 0.01;
    private static final double ABS_TOL = 0.01;

    private SliceChecks() {
    }

    /** Returns the slice step in mm (the first slice's thickness or 1 for a single slice). */
    static double check(List<SliceInfo> s) throws InvalidGeometryException {
        checkSameGrid(s);
        if (s.size() == 1) {
            double t = s.get(0).header().sliceThickness();
            return t > 0 ? t : 1;
        }
        double[] steps = new double[s.size() - 1];
        for (int i = 1; i < s.size(); i++) {
            steps[i - 1] = s.get(i).along() - s.get(i - 1).along();
            if (steps[i - 1] < ABS_TOL) {
                throw bad(s, i, "duplicate slice position " + s.get(i).along() + " mm along the normal (several "
                        + "acquisitions or time points in one series?)");
            }
            checkTilt(s, i);
        }
        double[] sorted = steps.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        for (int i = 0; i < steps.length; i++) {
            if (Math.abs(steps[i] - median) > Math.max(ABS_TOL, REL_TOL * median)) {
                double ratio = steps[i] / median;
                String why = Math.abs(ratio - Math.rint(ratio)) < 0.05 && ratio > 1.5
                        ? "missing slice(s): gap of " + fmt(steps[i]) + " mm where the step is " + fmt(median) + " mm"
                        : "uneven slice spacing: " + fmt(steps[i]) + " mm where the step is " + fmt(median) + " mm";
                throw bad(s, i + 1, why);
            }
        }
        return median;
    }

    private static void checkSameGrid(List<SliceInfo> s) throws InvalidGeometryException {
        DicomHeader h0 = s.get(0).header();
        for (int i = 1; i < s.size(); i++) {
            DicomHeader h = s.get(i).header();
            if (h.rows() != h0.rows() || h.columns() != h0.columns()
                    || !Arrays.equals(h.pixelSpacing(), h0.pixelSpacing())) {
                throw bad(s, i, "rows/columns/pixel spacing differ from the first slice");
            }
        }
    }

    private static void checkTilt(List<SliceInfo> s, int i) throws InvalidGeometryException {
        double[] a = s.get(i - 1).header().imagePosition();
        double[] b = s.get(i).header().imagePosition();
        double[] n = s.get(i).normal();
        double[] d = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
        double along = d[0] * n[0] + d[1] * n[1] + d[2] * n[2];
        double len = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        double across = Math.sqrt(Math.max(0, len * len - along * along));
        if (across > Math.max(ABS_TOL, 1e-3 * len)) {
            double deg = Math.toDegrees(Math.atan2(across, along));
            throw bad(s, i, "gantry tilt / sheared stack: slices shift " + fmt(across) + " mm sideways per step ("
                    + fmt(deg) + " degrees); resampling sheared stacks is not supported");
        }
    }

    private static InvalidGeometryException bad(List<SliceInfo> s, int i, String why) {
        return new InvalidGeometryException(List.of(s.get(i - 1 < 0 ? 0 : Math.max(0, i - 1)).file(),
                s.get(i).file()), why + " between");
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
