package org.radlens.fiji;

import ij.ImagePlus;
import java.util.Optional;

/**
 * Images the RadLens commands make from a radiograph (heat maps, label images) and how to recognise them, so that a
 * command that needs the radiograph itself refuses them instead of scoring a heat map as if it were a film.
 *
 * <p>Recognised by what the commands already put on their outputs: the property {@value #PROPERTY} (set by
 * {@link #mark}), the property {@code RadLens.classes} of Segment's label image, and the value unit
 * {@code cosine} of a heat map's calibration (also kept in a TIFF saved from it).
 *
 * <pre>{@code
 * DerivedImages.refuse(WindowManager.getCurrentImage(), "Segment", "radiograph"); // throws UserError for a heat map
 * }</pre>
 */
public final class DerivedImages {
    /** Image property naming what a RadLens output is ({@link #HEAT_MAP}, {@link #LABELS}). */
    public static final String PROPERTY = "RadLens.derived";
    public static final String HEAT_MAP = "heat map";
    public static final String LABELS = "label image";
    /** Property Segment sets on its label image: the class names, in label order. */
    public static final String CLASSES_PROPERTY = "RadLens.classes";
    /** Value unit of a heat map image's calibration. */
    public static final String HEAT_MAP_UNIT = "cosine";

    private DerivedImages() {
    }

    /** Marks {@code imp} as a RadLens output of kind {@code kind}. */
    public static void mark(ImagePlus imp, String kind) {
        imp.setProp(PROPERTY, kind);
    }

    /** What RadLens output {@code imp} is ("heat map", "label image"), or empty for anything else. */
    public static Optional<String> kind(ImagePlus imp) {
        String marked = imp.getProp(PROPERTY);
        if (marked != null && !marked.isBlank()) {
            return Optional.of(marked);
        }
        if (imp.getProp(CLASSES_PROPERTY) != null) {
            return Optional.of(LABELS);
        }
        if (HEAT_MAP_UNIT.equals(imp.getCalibration().getValueUnit())) {
            return Optional.of(HEAT_MAP);
        }
        return Optional.empty();
    }

    /**
     * Throws a {@link UserError} naming the image when {@code imp} is a RadLens output rather than an image.
     *
     * @param needed what the command needs, for the message: "radiograph", "volume"
     */
    public static void refuse(ImagePlus imp, String command, String needed) throws UserError {
        Optional<String> kind = kind(imp);
        if (kind.isPresent()) {
            throw new UserError("\"" + imp.getTitle() + "\" is a RadLens " + kind.get() + ", not a " + needed
                    + ".\n" + command + " needs the " + needed + " itself: select the " + needed + "'s window (click "
                    + "it, or choose it in the Window menu) and run " + command + " again.");
        }
    }
}
