package org.radlens.volume3d;

import java.util.Objects;
import java.util.Optional;

/**
 * What the stored voxel values mean.
 *
 * @param modality      DICOM modality code ({@code CR}, {@code DX}, {@code CT}, {@code MR}, …) or {@code OT} when unknown
 * @param units         units of the stored values after any rescale, e.g. {@code HU}, or {@code raw}
 * @param rescaleApplied true when the modality LUT (slope/intercept) has already been applied to the values
 * @param defaultWindow the window the source suggests for display, if any
 * @param photometric   how the values map to brightness (already resolved: see {@link Photometric})
 */
public record IntensityInfo(String modality, String units, boolean rescaleApplied, Optional<Window> defaultWindow,
                            Photometric photometric) {

    public IntensityInfo {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(defaultWindow, "defaultWindow");
        Objects.requireNonNull(photometric, "photometric");
    }

    /** Plain 8/16-bit grey pixels of unknown origin (PNG, JPEG): higher is brighter, no window. */
    public static IntensityInfo rawGray() {
        return new IntensityInfo("OT", "raw", false, Optional.empty(), Photometric.MONOCHROME2);
    }

    /** How stored values map to display brightness. */
    public enum Photometric {
        /** Higher value is brighter. */
        MONOCHROME2,
        /** Higher value is darker (DICOM MONOCHROME1): display mapping inverts, raw values are kept. */
        MONOCHROME1,
        /** Colour, converted to RGB planes at read time. */
        RGB;

        /** True when a display mapping must invert the grey scale. */
        public boolean invertsForDisplay() {
            return this == MONOCHROME1;
        }
    }

    /** A display window in the units of the stored values. */
    public record Window(double center, double width) {
        public Window {
            if (!(width > 0) || !Double.isFinite(center)) {
                throw new IllegalArgumentException("window needs finite center and width > 0: c=" + center + " w=" + width);
            }
        }

        public double lower() {
            return center - width / 2;
        }

        public double upper() {
            return center + width / 2;
        }
    }
}
