package org.radlens.fiji;

import ij.ImagePlus;
import ij.measure.Calibration;
import java.util.Locale;
import org.radlens.volume3d.VoxelGeometry;

/**
 * {@link VoxelGeometry} ⇄ ImageJ {@link Calibration}. ImageJ keeps pixel sizes and an origin along the image axes;
 * RadLens keeps patient LPS (mm) with direction cosines. The exact geometry travels as the image property
 * {@value #GEOMETRY_PROPERTY}; it is trusted only while the image still has the size and the pixel sizes it was
 * written with (a user who rescales or recalibrates gets the geometry the calibration describes instead).
 *
 * <p>Calibration origin rule: {@code cal.xOrigin = −(axis_i · origin) / spacing_i} (likewise y, z), so that
 * {@code cal.getX(i)} is the position along the image's first axis in mm; with identity directions this is the LPS
 * coordinate itself. Lengths in cm, µm or inches are converted to mm; an uncalibrated image has 1 mm pixels.
 *
 * <pre>{@code
 * Calibrations.apply(volume.geometry(), volume.nx(), volume.ny(), volume.nz(), imp);
 * VoxelGeometry g = Calibrations.geometry(imp);   // the same grid
 * }</pre>
 */
public final class Calibrations {
    /** Image property holding {@code "nx ny nz; spacing; origin; direction"} (row-major 3×3). */
    public static final String GEOMETRY_PROPERTY = "RadLens.geometry";
    private static final double[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    private Calibrations() {
    }

    /** Sets pixel sizes (mm), origin and the exact-geometry property of {@code imp}. */
    public static void apply(VoxelGeometry g, int nx, int ny, int nz, ImagePlus imp) {
        Calibration cal = imp.getCalibration();
        double[] s = g.spacing();
        double[] o = g.origin();
        cal.setUnit("mm");
        cal.pixelWidth = s[0];
        cal.pixelHeight = s[1];
        cal.pixelDepth = s[2];
        cal.xOrigin = -dot(g.axis(0), o) / s[0];
        cal.yOrigin = -dot(g.axis(1), o) / s[1];
        cal.zOrigin = -dot(g.axis(2), o) / s[2];
        imp.setCalibration(cal);
        imp.setProp(GEOMETRY_PROPERTY, format(g, nx, ny, nz));
    }

    /** The geometry of the whole image or stack (slice 1 at k = 0). */
    public static VoxelGeometry geometry(ImagePlus imp) {
        Calibration cal = imp.getCalibration();
        double scale = mmPerUnit(cal.getUnit());
        double[] s = {cal.pixelWidth * scale, cal.pixelHeight * scale, cal.pixelDepth * scale};
        for (int i = 0; i < 3; i++) {
            s[i] = Double.isFinite(s[i]) && s[i] > 0 ? s[i] : 1.0;
        }
        VoxelGeometry stored = parse(imp.getProp(GEOMETRY_PROPERTY), imp.getWidth(), imp.getHeight(),
                imp.getStackSize(), s);
        if (stored != null) {
            return stored;
        }
        double[] origin = {-cal.xOrigin * s[0], -cal.yOrigin * s[1], -cal.zOrigin * s[2]};
        return VoxelGeometry.of(s, origin, IDENTITY);
    }

    /** Geometry of slice {@code k} (0-based) of a stack: the stack's axes, origin moved to that slice. */
    public static VoxelGeometry sliceGeometry(VoxelGeometry stack, int k) {
        return VoxelGeometry.of(stack.spacing(), stack.indexToWorld(0, 0, k), stack.direction());
    }

    /** Millimetres per unit of an ImageJ length unit; 1 for unknown units and pixels. */
    static double mmPerUnit(String unit) {
        String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
        return switch (u) {
            case "cm" -> 10;
            case "m", "meter", "metre" -> 1000;
            case "um", "\u00b5m", "\u03bcm", "micron", "microns" -> 1e-3;
            case "nm" -> 1e-6;
            case "inch", "inches", "in" -> 25.4;
            default -> 1;
        };
    }

    static String format(VoxelGeometry g, int nx, int ny, int nz) {
        return nx + " " + ny + " " + nz + "; " + join(g.spacing()) + "; " + join(g.origin()) + "; "
                + join(g.direction());
    }

    /** The stored geometry when it still describes this image (size and spacing unchanged), else null. */
    static VoxelGeometry parse(String text, int nx, int ny, int nz, double[] calibratedSpacing) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(";");
        if (parts.length != 4) {
            return null;
        }
        try {
            double[] size = numbers(parts[0], 3);
            if (size[0] != nx || size[1] != ny || size[2] != nz) {
                return null;
            }
            double[] s = numbers(parts[1], 3);
            for (int i = 0; i < 3; i++) {
                if (Math.abs(s[i] - calibratedSpacing[i]) > 1e-9 * Math.max(1, s[i])) {
                    return null;
                }
            }
            return VoxelGeometry.of(s, numbers(parts[2], 3), numbers(parts[3], 9));
        } catch (IllegalArgumentException e) { // NumberFormatException too: a property edited by hand
            return null;
        }
    }

    private static double[] numbers(String text, int n) {
        String[] t = text.trim().split("\\s+");
        if (t.length != n) {
            throw new IllegalArgumentException("expected " + n + " numbers: " + text);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Double.parseDouble(t[i]);
        }
        return out;
    }

    private static String join(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double d : v) {
            sb.append(sb.length() == 0 ? "" : " ").append(d);
        }
        return sb.toString();
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
