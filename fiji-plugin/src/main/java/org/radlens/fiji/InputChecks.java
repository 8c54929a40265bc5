package org.radlens.fiji;

import ij.ImagePlus;
import java.util.Locale;
import org.radlens.dicomio.ImageFormat;
import org.radlens.dicomio.InputFacts;
import org.radlens.dicomio.scope.Scope;
import org.radlens.dicomio.scope.ScopeGate;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.Volume;

/**
 * Checks that an ImagePlus is what a command expects, with messages that say what to do. Never changes the image.
 * Whether an image is a chest radiograph is decided by the input gate every RadLens entry point shares (dicom-io's
 * {@link ScopeGate} on the DICOM header kept with the image, plus the model package's embedding gate).
 */
public final class InputChecks {
    private InputChecks() {
    }

    /**
     * The header gate's verdict on {@code imp}: its DICOM Modality, SOP Class, ViewPosition and BodyPartExamined (from
     * the image's DICOM info), or, for images without a DICOM header (PNG, JPEG), in scope.
     */
    public static Scope scope(ImagePlus imp) {
        String modality = IntensityProperties.modality(imp).toUpperCase(Locale.ROOT);
        String sopClass = dicomInfo(imp, "0008,0016");
        InputFacts facts = "OT".equals(modality) && sopClass.isEmpty() ? InputFacts.of(ImageFormat.PNG)
                : InputFacts.dicom(modality, sopClass, dicomInfo(imp, "0018,5101"), dicomInfo(imp, "0018,0015"), 1);
        return ScopeGate.chestRadiographs().check(facts, "\"" + imp.getTitle() + "\"");
    }

    /** The current slice as a grey radiograph, or why not; a flagged image (e.g. a lateral view) is logged. */
    public static Image2D radiograph(ImagePlus imp, String command) throws UserError {
        return radiograph(imp, command, true);
    }

    /**
     * As {@link #radiograph(ImagePlus, String)}; with {@code logFlag} false the caller logs the flag itself (once,
     * with what it finds later, such as the embedding gate's verdict).
     */
    public static Image2D radiograph(ImagePlus imp, String command, boolean logFlag) throws UserError {
        requireImage(imp, command);
        DerivedImages.refuse(imp, command, "radiograph");
        Scope scope = scope(imp);
        if (scope.refused()) {
            String modality = IntensityProperties.modality(imp).toUpperCase(Locale.ROOT);
            throw new UserError(command + " expects a chest radiograph (CR/DX), but \"" + imp.getTitle()
                    + "\" is " + modality + " (" + scope.label() + ": " + FijiWording.of(scope.message())
                    + ").\nFor CT or MR stacks use " + Commands.MENU + "Classify Volume or " + Commands.MENU
                    + "Ground in Volume.");
        }
        if (scope.flagged() && logFlag) { // scored, but never silently: the Log says why the input is out of the usual scope
            ij.IJ.log("RadLens " + command + ": " + scope.label() + ": " + FijiWording.of(scope.message()));
        }
        Image2D img = ImagePlusConversions.toImage2D(imp);
        if (img.channels() == 1) {
            return img;
        }
        if (!isGreyInColour(img)) {
            throw new UserError("\"" + imp.getTitle() + "\" is a colour (RGB) image, such as a screenshot or a "
                    + "photograph.\n" + command + " needs the greyscale radiograph itself: open the original DICOM, "
                    + "PNG or JPEG with " + Commands.MENU + "Open DICOM/NIfTI\u2026, or, if this really is a grey "
                    + "radiograph saved in colour, convert a copy with Image \u203a Type \u203a 8-bit.");
        }
        return img.toGray();
    }

    /** The whole stack as a volume, or why not. */
    public static Volume volume(ImagePlus imp, String command) throws UserError {
        greyStack(imp, command);
        return ImagePlusConversions.toVolume(imp);
    }

    /** Refuses what cannot be read slice by slice as grey values: no image, colour, hyperstacks. */
    public static void greyStack(ImagePlus imp, String command) throws UserError {
        requireImage(imp, command);
        DerivedImages.refuse(imp, command, "volume");
        if (imp.getType() == ImagePlus.COLOR_RGB) {
            throw new UserError("\"" + imp.getTitle() + "\" is a colour (RGB) stack; " + command + " needs grey "
                    + "values (CT, MR or X-ray). Open the original with " + Commands.MENU + "Open DICOM/NIfTI\u2026.");
        }
        if (imp.getNChannels() > 1 || imp.getNFrames() > 1) {
            throw new UserError("\"" + imp.getTitle() + "\" has " + imp.getNChannels() + " channels and "
                    + imp.getNFrames() + " time points; " + command + " needs a single-channel 3D stack. "
                    + "Split it with Image \u203a Hyperstacks \u203a Reduce Dimensionality\u2026 first.");
        }
        if (imp.getStackSize() < 2) {
            throw new UserError("\"" + imp.getTitle() + "\" is a single 2D image; " + command + " needs a stack of "
                    + "slices (CT, MR). For a radiograph use " + Commands.MENU + "Classify Chest X-ray or "
                    + Commands.MENU + "Ground Text\u2026.");
        }
    }

    /** True when every pixel has equal red, green and blue (a grey image stored as RGB). */
    static boolean isGreyInColour(Image2D img) {
        int n = img.width() * img.height();
        float[] d = img.data();
        for (int i = 0; i < n; i++) {
            if (d[i] != d[n + i] || d[i] != d[2 * n + i]) {
                return false;
            }
        }
        return true;
    }

    /** The value of DICOM tag {@code tag} ("gggg,eeee") in the image's "Info" property, upper case; "" if absent. */
    static String dicomInfo(ImagePlus imp, String tag) {
        Object info = imp.getProperty("Info");
        if (info instanceof String s) {
            for (String line : s.split("\n")) {
                if (line.startsWith(tag)) {
                    int colon = line.indexOf(':');
                    return colon < 0 ? "" : line.substring(colon + 1).trim().toUpperCase(Locale.ROOT);
                }
            }
        }
        return "";
    }

    private static void requireImage(ImagePlus imp, String command) throws UserError {
        if (imp == null) {
            throw new UserError(command + " needs an open image: open one with " + Commands.MENU
                    + "Open DICOM/NIfTI\u2026 first.");
        }
    }
}
