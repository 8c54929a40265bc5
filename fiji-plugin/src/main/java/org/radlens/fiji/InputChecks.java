package org.radlens.fiji;

import ij.ImagePlus;
import java.util.Locale;
import java.util.Set;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.Volume;

/**
 * Checks that an ImagePlus is what a command expects, with messages that say what to do. Never changes the image.
 */
public final class InputChecks {
    /** Modalities that are not projection radiographs. */
    static final Set<String> NOT_RADIOGRAPH = Set.of("CT", "MR", "PT", "NM", "US", "OP", "OPT", "SM", "XC", "ES");

    private InputChecks() {
    }

    /** The current slice as a grey radiograph, or why not. */
    public static Image2D radiograph(ImagePlus imp, String command) throws UserError {
        requireImage(imp, command);
        String modality = IntensityProperties.modality(imp).toUpperCase(Locale.ROOT);
        if (NOT_RADIOGRAPH.contains(modality)) {
            throw new UserError(command + " expects a chest radiograph (CR/DX), but \"" + imp.getTitle()
                    + "\" is " + modality + ".\nFor CT or MR stacks use " + Commands.MENU + "Classify Volume or "
                    + Commands.MENU + "Ground in Volume.");
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
        if (imp.getType() == ImagePlus.COLOR_RGB) {
            throw new UserError("\"" + imp.getTitle() + "\" is a colour (RGB) stack; " + command + " needs grey "
                    + "values (CT, MR or X-ray). Open the original with " + Commands.MENU + "Open DICOM/NIfTI\u2026.");
        }
        if (imp.getNChannels() > 1 || imp.getNFrames() > 1) {
            throw new UserError("\"" + imp.getTitle() + "\" has " + imp.getNChannels() + " channels and "
                    + imp.getNFrames() + " time points; " + command + " needs a single-channel 3D stack. "
                    + "Split it with Image \u203a Hyperstacks \u203a Reduce Dimensionality\u2026 first.");
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

    private static void requireImage(ImagePlus imp, String command) throws UserError {
        if (imp == null) {
            throw new UserError(command + " needs an open image: open one with " + Commands.MENU
                    + "Open DICOM/NIfTI\u2026 first.");
        }
    }
}
