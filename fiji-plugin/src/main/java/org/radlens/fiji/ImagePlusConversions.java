package org.radlens.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.VoxelGeometry;

/**
 * {@link ImagePlus} ⇄ {@link Image2D} / {@link Volume}, keeping calibration ({@link Calibrations}) and raw values.
 *
 * <p>ImagePlus → RadLens: samples are read from the processors, never from the displayed image; a calibration
 * function (e.g. the HU line of a CT, or ImageJ's signed-16-bit offset) is applied through its calibration table, so
 * values are what {@code getValue} shows. RadLens → ImagePlus: integer values within 0..255 with units {@code raw}
 * become 8-bit; other integer values that fit 16 bits become 16-bit, shifted by an offset when negative and labelled
 * by a straight-line calibration function {@code value = raw − offset} in the source units (e.g. HU); anything else
 * becomes 32-bit. The default window becomes the display range; MONOCHROME1 gets an inverting LUT (values untouched).
 *
 * <pre>{@code
 * ImagePlus imp = ImagePlusConversions.toImagePlus(ct, "CT");
 * Volume back = ImagePlusConversions.toVolume(imp);   // same values and geometry
 * }</pre>
 */
public final class ImagePlusConversions {
    private ImagePlusConversions() {
    }

    /** The current slice of {@code imp} as a 2D image. */
    public static Image2D toImage2D(ImagePlus imp) {
        return toImage2D(imp, imp.getCurrentSlice());
    }

    /** Slice {@code slice} (1-based, as in ImageJ) as a 2D image placed at its position in the stack. */
    public static Image2D toImage2D(ImagePlus imp, int slice) {
        VoxelGeometry g = Calibrations.sliceGeometry(Calibrations.geometry(imp), slice - 1);
        IntensityInfo info = IntensityProperties.of(imp);
        ImageProcessor ip = imp.getStack().getProcessor(slice);
        if (ip instanceof ColorProcessor cp) {
            int n = cp.getPixelCount();
            byte[] r = new byte[n];
            byte[] gr = new byte[n];
            byte[] b = new byte[n];
            cp.getRGB(r, gr, b);
            float[] d = new float[3 * n];
            for (int i = 0; i < n; i++) {
                d[i] = r[i] & 0xff;
                d[n + i] = gr[i] & 0xff;
                d[2 * n + i] = b[i] & 0xff;
            }
            return Image2D.adopt(imp.getWidth(), imp.getHeight(), 3, d, g, info);
        }
        return Image2D.adopt(imp.getWidth(), imp.getHeight(), 1, values(ip, imp.getCalibration()), g, info);
    }

    /** The whole stack as a volume (slice 1 at k = 0). Hyperstacks with channels or frames are refused. */
    public static Volume toVolume(ImagePlus imp) {
        return toVolume(imp, 1, imp.getStackSize(), 1);
    }

    /**
     * Slices {@code from..to} (1-based, inclusive) every {@code step}th as a volume (slice {@code from} at k = 0),
     * placed where they are in the stack ({@link #subStackGeometry}). Hyperstacks and RGB stacks are refused.
     */
    public static Volume toVolume(ImagePlus imp, int from, int to, int step) {
        if (imp.getNChannels() > 1 || imp.getNFrames() > 1) {
            throw new IllegalArgumentException(imp.getTitle() + " has " + imp.getNChannels() + " channels and "
                    + imp.getNFrames() + " frames; a volume needs one channel and one time point");
        }
        if (imp.getType() == ImagePlus.COLOR_RGB) {
            throw new IllegalArgumentException(imp.getTitle() + " is an RGB image; a volume needs grey values");
        }
        if (from < 1 || to > imp.getStackSize() || from > to || step < 1) {
            throw new IllegalArgumentException("slices " + from + " to " + to + " step " + step + " are not in "
                    + imp.getTitle() + ", which has " + imp.getStackSize());
        }
        int n = imp.getWidth() * imp.getHeight();
        int nz = (to - from) / step + 1;
        float[] data = new float[Math.multiplyExact(n, nz)];
        for (int k = 0; k < nz; k++) {
            System.arraycopy(values(imp.getStack().getProcessor(from + k * step), imp.getCalibration()), 0, data,
                    k * n, n);
        }
        return new Volume(imp.getWidth(), imp.getHeight(), nz, data,
                subStackGeometry(Calibrations.geometry(imp), from, step), IntensityProperties.of(imp));
    }

    /**
     * The geometry of the slices {@code from, from + step, …} (1-based) of a stack placed by {@code stack}: the
     * origin at slice {@code from}, the slice spacing {@code step} times the stack's; {@code stack} itself for the
     * whole stack.
     */
    public static VoxelGeometry subStackGeometry(VoxelGeometry stack, int from, int step) {
        if (from == 1 && step == 1) {
            return stack;
        }
        double[] spacing = stack.spacing();
        spacing[2] *= step;
        return VoxelGeometry.of(spacing, stack.indexToWorld(0, 0, from - 1), stack.direction());
    }

    /** A new single-slice ImagePlus with the image's values, calibration and intensity metadata. */
    public static ImagePlus toImagePlus(Image2D img, String title) {
        if (img.channels() >= 3) {
            ColorProcessor cp = new ColorProcessor(img.width(), img.height());
            int n = img.width() * img.height();
            byte[][] rgb = new byte[3][n];
            for (int c = 0; c < 3; c++) {
                float[] ch = img.channel(c);
                for (int i = 0; i < n; i++) {
                    rgb[c][i] = (byte) Math.max(0, Math.min(255, Math.round(ch[i])));
                }
            }
            cp.setRGB(rgb[0], rgb[1], rgb[2]);
            ImagePlus imp = new ImagePlus(title, cp);
            finish(imp, img.geometry(), img.intensity(), null);
            return imp;
        }
        Volume one = new Volume(img.width(), img.height(), 1, img.channel(0), img.geometry(), img.intensity());
        return toImagePlus(one, title);
    }

    /** A new stack with the volume's values, calibration and intensity metadata. */
    public static ImagePlus toImagePlus(Volume v, String title) {
        float[] data = v.data();
        PixelEncoding enc = PixelEncoding.choose(data, v.intensity().units());
        int n = v.nx() * v.ny();
        ImageStack stack = new ImageStack(v.nx(), v.ny());
        for (int k = 0; k < v.nz(); k++) {
            stack.addSlice(enc.processor(data, k * n, v.nx(), v.ny()));
        }
        ImagePlus imp = new ImagePlus(title, stack);
        finish(imp, v.geometry(), v.intensity(), enc);
        return imp;
    }

    private static void finish(ImagePlus imp, VoxelGeometry g, IntensityInfo info, PixelEncoding enc) {
        Calibrations.apply(g, imp.getWidth(), imp.getHeight(), imp.getStackSize(), imp);
        IntensityProperties.store(info, imp);
        if (enc == null) {
            return;
        }
        if (enc.functionNeeded(info.units())) { // on the live calibration: setCalibration would relabel a
            // signed-16-bit line as "Gray Value"
            imp.getCalibration().setFunction(Calibration.STRAIGHT_LINE, new double[] {-enc.offset(), 1},
                    info.units());
        }
        if (info.defaultWindow().isPresent()) {
            double lo = info.defaultWindow().get().lower() + enc.offset();
            double hi = info.defaultWindow().get().upper() + enc.offset();
            imp.getProcessor().setMinAndMax(lo, hi);
            imp.setDisplayRange(lo, hi);
        } else {
            imp.resetDisplayRange();
        }
        if (info.photometric().invertsForDisplay()) {
            imp.getProcessor().invertLut();
            if (imp.getStackSize() > 1) {
                imp.getStack().setColorModel(imp.getProcessor().getColorModel());
            }
        }
    }

    /** Calibrated values of a grey processor (the calibration table when there is a function). */
    static float[] values(ImageProcessor ip, Calibration cal) {
        int n = ip.getPixelCount();
        float[] out = new float[n];
        float[] table = cal.calibrated() && !(ip instanceof FloatProcessor) ? cal.getCTable() : null;
        if (ip instanceof ByteProcessor bp) {
            byte[] px = (byte[]) bp.getPixels();
            for (int i = 0; i < n; i++) {
                out[i] = table != null ? table[px[i] & 0xff] : px[i] & 0xff;
            }
        } else if (ip instanceof ShortProcessor sp) {
            short[] px = (short[]) sp.getPixels();
            for (int i = 0; i < n; i++) {
                out[i] = table != null ? table[px[i] & 0xffff] : px[i] & 0xffff;
            }
        } else if (ip instanceof FloatProcessor fp) {
            System.arraycopy((float[]) fp.getPixels(), 0, out, 0, n);
        } else {
            throw new IllegalArgumentException("unsupported pixel type " + ip.getClass().getSimpleName());
        }
        return out;
    }
}
