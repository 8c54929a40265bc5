package org.radlens.validation.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.radlens.validation.metrics.GoldenCases.bits;
import static org.radlens.validation.metrics.GoldenCases.doubles;
import static org.radlens.validation.metrics.GoldenCases.isNull;
import static org.radlens.validation.metrics.GoldenCases.labels;

import com.google.gson.JsonObject;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.VoxelGeometry;

/** One check per golden-file family; shared by the committed-golden tests and the live Python test. */
final class GoldenChecks {
    static final double TOL = 1e-9;

    private GoldenChecks() {
    }

    static void classification(JsonObject c) {
        boolean[] y = labels(c.getAsJsonArray("labels"));
        double[] s = doubles(c.getAsJsonArray("scores"));
        JsonObject cm = c.getAsJsonObject("confusion");
        ConfusionCounts k = Classification.confusion(y, s, c.get("threshold").getAsDouble());
        assertEquals(cm.get("tp").getAsLong(), k.tp(), "tp");
        assertEquals(cm.get("fp").getAsLong(), k.fp(), "fp");
        assertEquals(cm.get("tn").getAsLong(), k.tn(), "tn");
        assertEquals(cm.get("fn").getAsLong(), k.fn(), "fn");
        assertEquals(cm.get("sensitivity").getAsDouble(), k.sensitivity(), TOL, "sensitivity");
        assertEquals(cm.get("specificity").getAsDouble(), k.specificity(), TOL, "specificity");
        assertEquals(cm.get("ppv").getAsDouble(), k.ppv(), TOL, "ppv");
        assertEquals(cm.get("npv").getAsDouble(), k.npv(), TOL, "npv");
        assertEquals(cm.get("f1").getAsDouble(), k.f1(), TOL, "f1");
        assertEquals(cm.get("accuracy").getAsDouble(), k.accuracy(), TOL, "accuracy");
        if (isNull(c, "roc_auc")) {
            assertThrows(IllegalArgumentException.class, () -> Classification.rocAuc(y, s));
        } else {
            rocAndYouden(c, y, s);
        }
        if (isNull(c, "average_precision")) {
            assertThrows(IllegalArgumentException.class, () -> Classification.averagePrecision(y, s));
        } else {
            assertEquals(c.get("average_precision").getAsDouble(), Classification.averagePrecision(y, s), TOL, "AP");
        }
        if (c.has("calibration")) {
            calibration(c.getAsJsonObject("calibration"), y, s);
        }
    }

    private static void rocAndYouden(JsonObject c, boolean[] y, double[] s) {
        assertEquals(c.get("roc_auc").getAsDouble(), Classification.rocAuc(y, s), TOL, "roc auc");
        RocCurve roc = Classification.rocCurve(y, s);
        JsonObject r = c.getAsJsonObject("roc");
        assertArrayEquals(doubles(r.getAsJsonArray("fpr")), roc.fpr(), TOL, "fpr");
        assertArrayEquals(doubles(r.getAsJsonArray("tpr")), roc.tpr(), TOL, "tpr");
        double[] thr = roc.thresholds();
        assertArrayEquals(doubles(r.getAsJsonArray("thresholds")), java.util.Arrays.copyOfRange(thr, 1, thr.length),
                TOL, "thresholds");
        JsonObject yj = c.getAsJsonObject("youden");
        OperatingPoint op = Classification.youden(y, s);
        assertEquals(yj.get("j").getAsDouble(), op.youdenJ(), TOL, "youden J");
        double expected = isNull(yj, "threshold") ? Double.POSITIVE_INFINITY : yj.get("threshold").getAsDouble();
        assertEquals(expected, op.threshold(), TOL, "youden threshold");
        if (c.has("delong")) {
            AucEstimate e = DeLong.auc(y, s, 0.95);
            assertEquals(c.getAsJsonObject("delong").get("auc").getAsDouble(), e.auc(), TOL, "delong auc");
            assertEquals(c.getAsJsonObject("delong").get("variance").getAsDouble(), e.variance(), TOL, "delong var");
        }
    }

    private static void calibration(JsonObject cal, boolean[] y, double[] p) {
        ReliabilityCurve rc = Calibration.reliability(y, p, cal.get("bins").getAsInt());
        assertArrayEquals(doubles(cal.getAsJsonArray("mean_predicted")), rc.meanPredicted(), TOL, "prob_pred");
        assertArrayEquals(doubles(cal.getAsJsonArray("fraction_positive")), rc.fractionPositive(), TOL, "prob_true");
        double[] counts = java.util.Arrays.stream(rc.counts()).asDoubleStream().toArray();
        assertArrayEquals(doubles(cal.getAsJsonArray("counts")), counts, 0, "bin counts");
        assertEquals(cal.get("ece").getAsDouble(), rc.expectedCalibrationError(), TOL, "ece");
    }

    static void delong(JsonObject c) {
        boolean[] y = labels(c.getAsJsonArray("labels"));
        double[] a = doubles(c.getAsJsonArray("a"));
        double[] b = doubles(c.getAsJsonArray("b"));
        DeLongComparison cmp = DeLong.compare(y, a, b);
        assertEquals(c.get("auc_a").getAsDouble(), cmp.aucA(), TOL, "auc a");
        assertEquals(c.get("sklearn_auc_a").getAsDouble(), cmp.aucA(), TOL, "auc a vs sklearn");
        assertEquals(c.get("auc_b").getAsDouble(), cmp.aucB(), TOL, "auc b");
        assertEquals(c.get("var_diff").getAsDouble(), cmp.variance(), TOL, "variance of difference");
        assertEquals(c.get("z").getAsDouble(), cmp.z(), 1e-7, "z");
        assertEquals(c.get("p").getAsDouble(), cmp.pValue(), 1e-9, "p");
        AucEstimate e = DeLong.auc(y, a, 0.95);
        assertEquals(c.get("var_a").getAsDouble(), e.variance(), TOL, "var a");
        assertArrayEquals(doubles(c.getAsJsonArray("ci_a")), new double[] {e.ci().lower(), e.ci().upper()}, 1e-9);
    }

    static void retrieval(JsonObject c) {
        RecallAtK r = Retrieval.recallAtK(GoldenCases.matrix(c.getAsJsonArray("sim")), 1, 5, 10);
        for (int k : new int[] {1, 5, 10}) {
            assertEquals(c.getAsJsonObject("i2t").get("" + k).getAsDouble(), r.imageToText().get(k), TOL, "i2t@" + k);
            assertEquals(c.getAsJsonObject("t2i").get("" + k).getAsDouble(), r.textToImage().get(k), TOL, "t2i@" + k);
        }
    }

    static void segmentation(JsonObject c) {
        int w = c.get("width").getAsInt();
        int h = c.get("height").getAsInt();
        int d = c.get("depth").getAsInt();
        double[] sp = doubles(c.getAsJsonArray("spacing"));
        BinaryMask p = new BinaryMask(w, h, d, bits(c.get("pred").getAsString()), sp);
        BinaryMask r = new BinaryMask(w, h, d, bits(c.get("ref").getAsString()), sp);
        assertEquals(c.get("dice").getAsDouble(), Segmentation.dice(p, r), TOL, "dice");
        assertEquals(c.get("iou").getAsDouble(), Segmentation.iou(p, r), TOL, "iou");
        if (!c.has("hd95")) {
            assertThrows(IllegalArgumentException.class, () -> Segmentation.surfaceDistances(p, r));
            return;
        }
        SurfaceDistances sd = Segmentation.surfaceDistances(p, r);
        assertEquals(c.get("hd").getAsDouble(), sd.hausdorff(), TOL, "hausdorff");
        assertEquals(c.get("hd95").getAsDouble(), sd.hausdorff95(), TOL, "hd95");
        assertEquals(c.get("asd").getAsDouble(), sd.averageSurfaceDistance(), TOL, "asd");
        assertEquals(c.get("mean_pred_to_ref").getAsDouble(), sd.meanPredictedToReference(), TOL, "p->r");
        assertEquals(c.get("mean_ref_to_pred").getAsDouble(), sd.meanReferenceToPredicted(), TOL, "r->p");
        if (c.has("skimage_hausdorff")) {
            assertEquals(c.get("skimage_hausdorff").getAsDouble(), sd.hausdorff(), TOL, "skimage hausdorff");
        }
    }

    static void grounding(JsonObject c) {
        int w = c.get("width").getAsInt();
        int h = c.get("height").getAsInt();
        double[] heat = doubles(c.getAsJsonArray("heat"));
        float[] f = new float[heat.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) heat[i];
        }
        Image2D map = Image2D.gray(w, h, f, VoxelGeometry.planar(1, 1), IntensityInfo.rawGray());
        double[] b = doubles(c.getAsJsonArray("box"));
        BinaryMask box = new ReferenceBox(b[0], b[1], b[2], b[3]).rasterize(w, h, 1, 1);
        assertArrayEquals(bits(c.get("box_mask").getAsString()), box.values(), "box rasterisation");
        double t = c.get("threshold").getAsDouble();
        assertEquals(c.get("hit").getAsBoolean(), Grounding.pointingHit(map, box), "pointing game");
        assertEquals(c.get("iou").getAsDouble(), Grounding.iou(map, box, t), TOL, "iou");
        assertEquals(c.get("dice").getAsDouble(), Grounding.dice(map, box, t), TOL, "dice");
        assertEquals(c.get("cnr").getAsDouble(), Grounding.cnr(map, box), 1e-7, "cnr");
    }
}
