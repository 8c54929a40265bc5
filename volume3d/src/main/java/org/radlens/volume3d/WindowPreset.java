package org.radlens.volume3d;

import org.radlens.volume3d.IntensityInfo.Window;

/**
 * Standard CT display windows in Hounsfield units (centre / width), as commonly used in chest CT reading.
 *
 * <pre>{@code
 * byte[] grey = DisplayMapping.toBytes(slice, WindowPreset.LUNG.window());
 * }</pre>
 */
public enum WindowPreset {
    /** Lung parenchyma: C −600 / W 1500 HU. */
    LUNG(-600, 1500),
    /** Mediastinum / soft tissue: C 40 / W 400 HU. */
    MEDIASTINUM(40, 400),
    /** Bone: C 400 / W 1800 HU. */
    BONE(400, 1800);

    private final double center;
    private final double width;

    WindowPreset(double center, double width) {
        this.center = center;
        this.width = width;
    }

    /** The window in HU. */
    public Window window() {
        return new Window(center, width);
    }

    /** Preset by case-insensitive name ({@code "lung"}, {@code "mediastinum"}, {@code "bone"}). */
    public static WindowPreset parse(String name) {
        for (WindowPreset p : values()) {
            if (p.name().equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown window preset '" + name + "', expected lung, mediastinum or bone");
    }
}
