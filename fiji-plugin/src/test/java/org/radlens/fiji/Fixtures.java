package org.radlens.fiji;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.radlens.models.RadLensModel;

/** Paths of the bundled samples and fixtures, and one model session shared by the command tests. */
public final class Fixtures {
    public static final Path ROOT = Path.of(System.getProperty("radlens.home", "..")).toAbsolutePath().normalize();
    public static final Path SAMPLES = ROOT.resolve("samples");
    public static final Path CXR_JPEG = SAMPLES.resolve("kermany-pneumonia-person100_bacteria_475.jpg");
    public static final Path CXR_DICOM = SAMPLES.resolve("covid-notes-329_637.dcm");
    public static final Path IO_FIXTURES = ROOT.resolve("dicom-io/src/test/resources/fixtures");
    public static final Path CT_DICOM = IO_FIXTURES.resolve("CT_small.dcm");
    public static final Path NIFTI = IO_FIXTURES.resolve("anatomical.nii");
    public static final Path TINY_MODEL = ROOT.resolve("models/src/test/resources/packages/tiny");
    private static ModelSession session;

    private Fixtures() {
    }

    /** One session over the default package for all command tests (loading it once keeps the suite fast). */
    public static synchronized ModelSession session() {
        if (session == null) {
            session = new ModelSession(RadLensModel::open);
        }
        return session;
    }

    /** A colourful "screenshot": red, green and blue bands. */
    public static ImagePlus rgbScreenshot() {
        ColorProcessor cp = new ColorProcessor(64, 48);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                cp.set(x, y, x < 20 ? 0xff0000 : x < 40 ? 0x00ff00 : 0x3050ff);
            }
        }
        return new ImagePlus("screenshot.png", cp);
    }

    /** CRC of every slice's pixels: proves a command left the image's pixels alone. */
    public static long pixelChecksum(ImagePlus imp) {
        CRC32 crc = new CRC32();
        for (int z = 1; z <= imp.getStackSize(); z++) {
            Object px = imp.getStack().getPixels(z);
            if (px instanceof byte[] b) {
                crc.update(b);
            } else if (px instanceof short[] s) {
                for (short v : s) {
                    crc.update(v);
                    crc.update(v >> 8);
                }
            } else if (px instanceof int[] iv) {
                for (int v : iv) {
                    crc.update(v);
                    crc.update(v >> 16);
                }
            } else if (px instanceof float[] f) {
                for (float v : f) {
                    int bits = Float.floatToIntBits(v);
                    crc.update(bits);
                    crc.update(bits >> 16);
                }
            }
        }
        return crc.getValue();
    }
}
