package org.radlens.validation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.VoxelGeometry;

/** Documented values and clear exceptions where metrics are undefined: never a silent NaN. */
class DegenerateCasesTest {

    @Test
    void nonFiniteScoresNameTheIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Classification.rocAuc(new boolean[] {true, false}, new double[] {0.1, Double.NaN}));
        assertTrue(e.getMessage().contains("scores[1]"), e.getMessage());
    }

    @Test
    void lengthMismatchIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Classification.confusion(new boolean[] {true}, new double[] {0.1, 0.2}, 0.5));
    }

    @Test
    void negativeZeroTiesWithZero() {
        boolean[] y = {true, false};
        assertEquals(0.5, Classification.rocAuc(y, new double[] {0.0, -0.0}), 0);
        assertEquals(2, Classification.rocCurve(y, new double[] {0.0, -0.0}).fpr().length);
    }

    @Test
    void deLongNeedsTwoOfEachClass() {
        assertThrows(IllegalArgumentException.class,
                () -> DeLong.auc(new boolean[] {true, false, false}, new double[] {1, 2, 3}, 0.95));
    }

    @Test
    void deLongOfIdenticalModelsHasPValueOne() {
        boolean[] y = {true, false, true, false, true};
        double[] s = {0.9, 0.2, 0.4, 0.6, 0.7};
        DeLongComparison c = DeLong.compare(y, s, s.clone());
        assertEquals(1.0, c.pValue());
        assertEquals(0.0, c.z());
    }

    @Test
    void perfectSeparationHasZeroVarianceAndDegenerateInterval() {
        AucEstimate e = DeLong.auc(new boolean[] {true, true, false, false}, new double[] {3, 4, 1, 2}, 0.95);
        assertEquals(1.0, e.auc());
        assertEquals(0.0, e.variance());
        assertEquals(1.0, e.ci().lower());
    }

    @Test
    void calibrationRejectsOutOfRangeProbabilities() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Calibration.reliability(new boolean[] {true, false}, new double[] {0.5, 1.5}, 10));
        assertTrue(e.getMessage().contains("probabilities[1]"), e.getMessage());
    }

    @Test
    void retrievalTiesCountAgainstTheModel() {
        double[][] sim = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}};
        RecallAtK r = Retrieval.recallAtK(sim, 1, 2, 3);
        assertEquals(0.0, r.imageToText().get(1));
        assertEquals(0.0, r.textToImage().get(2));
        assertEquals(1.0, r.imageToText().get(3));
        assertThrows(IllegalArgumentException.class, () -> Retrieval.recallAtK(new double[][] {{1, 2}}, 1));
    }

    @Test
    void groundingDegenerateRegions() {
        Image2D flat = Image2D.gray(2, 2, new float[] {1, 1, 1, 1}, VoxelGeometry.planar(1, 1),
                IntensityInfo.rawGray());
        BinaryMask corner = BinaryMask.planar(2, 2, new boolean[] {true, false, false, false}, 1, 1);
        BinaryMask empty = BinaryMask.planar(2, 2, new boolean[4], 1, 1);
        assertThrows(IllegalArgumentException.class, () -> Grounding.cnr(flat, corner));
        assertThrows(IllegalArgumentException.class, () -> Grounding.cnr(flat, empty));
        assertTrue(Grounding.pointingHit(flat, corner), "first maximum in row-major order is pixel 0");
        assertFalse(Grounding.pointingHit(flat, empty));
        assertEquals(0.0, Grounding.iou(flat, empty, 2.0 /* nothing above threshold */ - 1.5), 0);
    }

    @Test
    void anisotropicSpacingScalesDistances() {
        boolean[] a = new boolean[5 * 5];
        boolean[] b = new boolean[5 * 5];
        a[2 * 5 + 0] = true;
        b[2 * 5 + 4] = true; // 4 columns apart
        SurfaceDistances sd = Segmentation.surfaceDistances(BinaryMask.planar(5, 5, a, 0.5, 3.0),
                BinaryMask.planar(5, 5, b, 0.5, 3.0));
        assertEquals(2.0, sd.hausdorff(), 1e-12);
        assertEquals(2.0, sd.hausdorff95(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Segmentation.surfaceDistances(
                BinaryMask.planar(5, 5, a, 0.5, 3.0), BinaryMask.planar(5, 5, b, 0.5, 2.0)));
    }

    @Test
    void boxContainsPixelCentres() {
        ReferenceBox box = new ReferenceBox(0.5, 0.5, 1.0, 1.0);
        assertTrue(box.containsPixel(0, 0));
        assertFalse(box.containsPixel(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ReferenceBox(0, 0, 0, 1));
    }
}
