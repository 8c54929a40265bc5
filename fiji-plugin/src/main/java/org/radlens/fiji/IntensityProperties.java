package org.radlens.fiji;

import ij.ImagePlus;
import ij.measure.Calibration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.IntensityInfo.Photometric;
import org.radlens.volume3d.IntensityInfo.Window;

/**
 * {@link IntensityInfo} ⇄ the image property {@value #PROPERTY} ({@code modality=CT;units=HU;rescaled=true;
 * window=40,400;photometric=MONOCHROME2}). Without the property (an image ImageJ opened itself) the meaning is
 * inferred: modality from the DICOM tag (0008,0060) in the image info, units from the calibration function's value
 * unit, RGB for colour images, MONOCHROME1 for an inverting LUT.
 */
public final class IntensityProperties {
    /** Image property holding the intensity metadata. */
    public static final String PROPERTY = "RadLens.intensity";

    private IntensityProperties() {
    }

    static void store(IntensityInfo info, ImagePlus imp) {
        String window = info.defaultWindow().map(w -> w.center() + "," + w.width()).orElse("");
        imp.setProp(PROPERTY, "modality=" + info.modality() + ";units=" + info.units() + ";rescaled="
                + info.rescaleApplied() + ";window=" + window + ";photometric=" + info.photometric().name());
    }

    /** The intensity metadata of {@code imp}. */
    public static IntensityInfo of(ImagePlus imp) {
        Map<String, String> p = parse(imp.getProp(PROPERTY));
        Photometric photometric = imp.getType() == ImagePlus.COLOR_RGB ? Photometric.RGB
                : photometric(p.get("photometric"), imp.isInvertedLut());
        Calibration cal = imp.getCalibration();
        String units = p.getOrDefault("units", cal.calibrated() ? cal.getValueUnit() : "raw");
        return new IntensityInfo(p.getOrDefault("modality", modality(imp)), units,
                Boolean.parseBoolean(p.getOrDefault("rescaled", String.valueOf(cal.calibrated()))),
                photometric == Photometric.RGB ? Optional.empty() : window(p.get("window")), photometric);
    }

    /** The modality code: the property's, else DICOM (0008,0060) from the image info, else {@code OT}. */
    public static String modality(ImagePlus imp) {
        Map<String, String> p = parse(imp.getProp(PROPERTY));
        if (p.containsKey("modality")) {
            return p.get("modality");
        }
        Object info = imp.getProperty("Info");
        if (info instanceof String s) {
            for (String line : s.split("\n")) {
                if (line.startsWith("0008,0060")) {
                    int colon = line.indexOf(':');
                    String m = colon < 0 ? "" : line.substring(colon + 1).trim().toUpperCase(Locale.ROOT);
                    return m.isEmpty() ? "OT" : m;
                }
            }
        }
        return "OT";
    }

    private static Photometric photometric(String stored, boolean invertedLut) {
        if (stored != null) {
            try {
                return Photometric.valueOf(stored);
            } catch (IllegalArgumentException e) {
                return invertedLut ? Photometric.MONOCHROME1 : Photometric.MONOCHROME2;
            }
        }
        return invertedLut ? Photometric.MONOCHROME1 : Photometric.MONOCHROME2;
    }

    private static Optional<Window> window(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] cw = text.split(",");
        try {
            return Optional.of(new Window(Double.parseDouble(cw[0]), Double.parseDouble(cw[1])));
        } catch (RuntimeException e) { // a malformed or invalid window is no window
            return Optional.empty();
        }
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> out = new HashMap<>();
        if (text != null) {
            for (String kv : text.split(";")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    out.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
                }
            }
        }
        return out;
    }
}
