package org.radlens.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.ShortProcessor;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.IntensityInfo.Photometric;
import org.radlens.volume3d.IntensityInfo.Window;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.VoxelGeometry;

class ImagePlusConversionsTest {
    private static final IntensityInfo CT = new IntensityInfo("CT", "HU", true, Optional.of(new Window(40, 400)),
            Photometric.MONOCHROME2);

    @Test
    void ctVolumeRoundTripsThroughA16BitStackWithAnHuFunction() {
        Random rnd = new Random(0);
        for (int t = 0; t < 50; t++) {
            int nx = 1 + rnd.nextInt(9);
            int ny = 1 + rnd.nextInt(9);
            int nz = 1 + rnd.nextInt(5);
            float[] hu = new float[nx * ny * nz];
            for (int i = 0; i < hu.length; i++) {
                hu[i] = -1024 + rnd.nextInt(4096);
            }
            Volume v = new Volume(nx, ny, nz, hu, randomGeometry(rnd), CT);
            ImagePlus imp = ImagePlusConversions.toImagePlus(v, "ct");
            assertEquals(ImagePlus.GRAY16, imp.getType());
            Calibration cal = imp.getCalibration();
            assertEquals("HU", cal.getValueUnit());
            assertEquals(hu[0], cal.getCValue(imp.getStack().getProcessor(1).get(0, 0)), 1e-9);
            assertEquals(v.geometry().spacing(2), cal.pixelDepth, 1e-12);
            Volume back = ImagePlusConversions.toVolume(imp);
            assertArrayEquals(hu, back.data());
            assertEquals(v.geometry(), back.geometry());
            assertEquals(CT, back.intensity());
            for (int k = 0; k < nz; k++) {
                Image2D slice = ImagePlusConversions.toImage2D(imp, k + 1);
                assertTrue(slice.geometry().sameGrid(v.slice(k).geometry(), 1e-9), "slice " + k);
            }
        }
    }

    @Test
    void eightBitRawImageStaysEightBitWithItsValues() {
        float[] d = {0, 17, 255, 128, 3, 99};
        Image2D img = Image2D.gray(3, 2, d, VoxelGeometry.planar(0.2, 0.25), IntensityInfo.rawGray());
        ImagePlus imp = ImagePlusConversions.toImagePlus(img, "cxr");
        assertEquals(ImagePlus.GRAY8, imp.getType());
        assertFalse(imp.getCalibration().calibrated());
        assertEquals(0.2, imp.getCalibration().pixelWidth, 1e-12);
        assertEquals(0.25, imp.getCalibration().pixelHeight, 1e-12);
        assertEquals("mm", imp.getCalibration().getUnit());
        Image2D back = ImagePlusConversions.toImage2D(imp);
        assertArrayEquals(d, back.data());
        assertEquals(img.geometry(), back.geometry());
        assertEquals(img.intensity(), back.intensity());
    }

    @Test
    void fractionalValuesBecome32BitAndMonochrome1GetsAnInvertingLutOnly() {
        float[] d = {0.5f, -3.25f, 1e6f, 7f};
        IntensityInfo m1 = new IntensityInfo("CR", "raw", false, Optional.empty(), Photometric.MONOCHROME1);
        ImagePlus imp = ImagePlusConversions.toImagePlus(Image2D.gray(2, 2, d, VoxelGeometry.planar(1, 1), m1), "f");
        assertEquals(ImagePlus.GRAY32, imp.getType());
        assertTrue(imp.isInvertedLut());
        Image2D back = ImagePlusConversions.toImage2D(imp);
        assertArrayEquals(d, back.data());
        assertEquals(Photometric.MONOCHROME1, back.intensity().photometric());
    }

    @Test
    void imageJsOwnSigned16BitCalibrationIsApplied() {
        ShortProcessor sp = new ShortProcessor(2, 1);
        sp.set(0, 0, 32768 - 1000);
        sp.set(1, 0, 32768 + 40);
        ImagePlus imp = new ImagePlus("ij-ct", sp);
        Calibration cal = imp.getCalibration();
        cal.setSigned16BitCalibration();
        cal.setUnit("cm");
        cal.pixelWidth = 0.07;
        cal.pixelHeight = 0.07;
        imp.setCalibration(cal);
        Image2D img = ImagePlusConversions.toImage2D(imp);
        assertArrayEquals(new float[] {-1000, 40}, img.data());
        assertEquals(0.7, img.geometry().spacing(0), 1e-12);
        assertTrue(img.intensity().rescaleApplied());
    }

    @Test
    void storedGeometryIsIgnoredOnceTheUserRecalibrates() {
        VoxelGeometry oblique = randomGeometry(new Random(3));
        Volume v = new Volume(2, 2, 1, new float[] {1, 2, 3, 4}, oblique, IntensityInfo.rawGray());
        ImagePlus imp = ImagePlusConversions.toImagePlus(v, "v");
        assertEquals(oblique, Calibrations.geometry(imp));
        Calibration cal = imp.getCalibration();
        cal.pixelWidth = 9;
        imp.setCalibration(cal);
        VoxelGeometry g = Calibrations.geometry(imp);
        assertEquals(9, g.spacing(0), 1e-12);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, g.direction());
    }

    @Test
    void rgbRoundTripsAndHyperstacksAreRefusedAsVolumes() {
        ImagePlus rgb = Fixtures.rgbScreenshot();
        Image2D img = ImagePlusConversions.toImage2D(rgb);
        assertEquals(3, img.channels());
        assertEquals(255, img.get(0, 0, 0));
        assertEquals(Photometric.RGB, img.intensity().photometric());
        ImagePlus again = ImagePlusConversions.toImagePlus(img, "again");
        assertEquals(Fixtures.pixelChecksum(rgb), Fixtures.pixelChecksum(again));
        assertThrows(IllegalArgumentException.class, () -> ImagePlusConversions.toVolume(rgb));
    }

    static VoxelGeometry randomGeometry(Random rnd) {
        double a = rnd.nextDouble() * Math.PI;
        double c = Math.cos(a);
        double s = Math.sin(a);
        double[] dir = {c, -s, 0, s, c, 0, 0, 0, 1};
        double[] spacing = {0.1 + rnd.nextDouble() * 3, 0.1 + rnd.nextDouble() * 3, 0.5 + rnd.nextDouble() * 5};
        double[] origin = {rnd.nextGaussian() * 100, rnd.nextGaussian() * 100, rnd.nextGaussian() * 100};
        return VoxelGeometry.of(spacing, origin, dir);
    }
}
