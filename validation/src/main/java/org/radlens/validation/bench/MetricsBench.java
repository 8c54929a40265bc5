package org.radlens.validation.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.radlens.validation.metrics.BinaryMask;
import org.radlens.validation.metrics.Classification;
import org.radlens.validation.metrics.Segmentation;

/**
 * {@code radlens bench metrics}: ROC AUC, average precision and HD95 in Java and, in the same invocation, with
 * scikit-learn / scipy through {@code /usr/bin/python3}; each row reports both medians and their ratio. The two
 * sides draw data of the same size and distribution (scores: N(label, 1), 30 % positives; masks: the same two
 * discs), not the same bytes.
 */
public final class MetricsBench {
    private MetricsBench() {
    }

    /** One workload measured on both sides; {@code peer} is null when no peer ran. */
    public record Row(Timing java, Timing peer) {
        /** Java median / peer median (&lt; 1: Java faster); NaN-free: -1 when there is no peer. */
        public double ratio() {
            return peer == null ? -1 : java.medianMs() / peer.medianMs();
        }
    }

    public static List<Row> run(int warmup, int reps, int n, int size, Path python, List<String> notes)
            throws IOException {
        Map<String, Timing> java = new LinkedHashMap<>();
        SplittableRandom rnd = new SplittableRandom(0);
        boolean[] y = new boolean[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextDouble() < 0.3;
            s[i] = gaussian(rnd) + (y[i] ? 1 : 0);
        }
        put(java, Timer.measure("roc_auc n=" + n, warmup, reps, () -> Classification.rocAuc(y, s)));
        put(java, Timer.measure("average_precision n=" + n, warmup, reps, () -> Classification.averagePrecision(y, s)));
        BinaryMask a = disc(size, 0, size / 3.0);
        BinaryMask b = disc(size, 3, size / 3.2);
        put(java, Timer.measure("hd95 " + size + "x" + size, warmup, reps,
                () -> Segmentation.surfaceDistances(a, b).hausdorff95()));
        Map<String, Timing> peer = Map.of();
        PythonPeer p = new PythonPeer(python);
        if (p.available("numpy", "scipy", "sklearn")) {
            peer = p.run("peer_metrics.py", List.of("" + warmup, "" + reps, "" + n, "" + size), 600);
        } else {
            notes.add("no peer: " + python + " with numpy, scipy and sklearn not found");
        }
        List<Row> rows = new ArrayList<>();
        for (Timing t : java.values()) {
            rows.add(new Row(t, peer.get(t.workload())));
        }
        return rows;
    }

    private static void put(Map<String, Timing> m, Timing t) {
        m.put(t.workload(), t);
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static BinaryMask disc(int size, double dx, double radius) {
        boolean[] v = new boolean[size * size];
        for (int yy = 0; yy < size; yy++) {
            for (int xx = 0; xx < size; xx++) {
                double ex = xx - size / 2.0 - dx;
                double ey = yy - size / 2.0;
                v[yy * size + xx] = ex * ex + ey * ey < radius * radius;
            }
        }
        return BinaryMask.planar(size, size, v, 1, 1);
    }
}
