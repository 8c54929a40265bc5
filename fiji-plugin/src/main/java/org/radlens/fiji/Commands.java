package org.radlens.fiji;

import ij.IJ;
import ij.Macro;
import ij.macro.Interpreter;
import java.awt.GraphicsEnvironment;
import javax.imageio.ImageIO;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.ReadFailures;
import org.radlens.models.InferenceException;
import org.radlens.models.ModelLoadException;
import org.radlens.models.volume.SliceProgress;

/**
 * What every RadLens command does around its work: turn failures into one clear ImageJ error (a dialog, or a macro
 * error that stops a running macro), report Esc as a status-line message, and check Esc between items.
 *
 * <pre>{@code
 * Commands.run("Segment", () -> SegmentCommand.execute(imp, params, ModelSession.shared()));
 * }</pre>
 */
public final class Commands {
    /** Menu where the commands live, for messages. */
    public static final String MENU = "Plugins \u203a RadLens \u203a ";
    private static boolean imageIoScanned;

    private Commands() {
    }

    /** A command body. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body}; failures become an error dialog titled "RadLens &lt;command&gt;". */
    public static void run(String command, Body body) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // DJL finds its engine and ImageIO its JPEG 2000 reader through the context class loader: make it ImageJ's
        // plugin class loader, which sees jars installed under plugins/ (plain ImageJ) as well as Fiji's jars/
        thread.setContextClassLoader(IJ.getClassLoader());
        scanImageIoPlugins();
        try {
            body.run();
        } catch (Cancelled e) {
            IJ.showStatus("RadLens " + command + ": " + e.getMessage());
            IJ.resetEscape();
        } catch (Exception e) { // the one catch-all: a command's failure becomes the user's error message
            fail(command, message(e));
            if (e instanceof ModelSession.ChoiceGone && isInteractive()) {
                IJ.doCommand("Model..."); // the saved package is gone: ask for another one
            }
        } finally {
            thread.setContextClassLoader(previous);
            IJ.showProgress(1.0);
        }
    }

    private static synchronized void scanImageIoPlugins() {
        if (!imageIoScanned) {
            imageIoScanned = true;
            ImageIO.scanForPlugins();
        }
    }

    /** The user-facing text for a failure: what happened and what to do, in Fiji's words ({@link FijiWording}). */
    public static String message(Exception e) {
        return FijiWording.of(rawMessage(e));
    }

    private static String rawMessage(Exception e) {
        if (e instanceof UserError) {
            return e.getMessage();
        }
        if (e instanceof ModelLoadException) {
            return "The model package could not be loaded:\n" + e.getMessage()
                    + "\n \nChoose a working package with " + MENU + "Model\u2026 (or set RADLENS_MODEL).";
        }
        if (e instanceof ImageReadException) {
            return "The file could not be read:\n" + e.getMessage()
                    + "\n \nRadLens reads DICOM, NIfTI (.nii, .nii.gz, .hdr/.img), PNG and JPEG.";
        }
        if (e instanceof InferenceException) {
            return "The model failed on this image:\n" + e.getMessage();
        }
        if (e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return "Unexpected failure: " + ReadFailures.describe(e)
                + "\nPlease report this with the image type and the command's options.";
    }

    /** Shows the error; aborts a running macro so that it does not go on with missing results. */
    public static void fail(String command, String text) {
        String message = FijiWording.of(text);
        if (IJ.getInstance() == null && (Interpreter.isBatchMode() || GraphicsEnvironment.isHeadless())) {
            // a batch macro without an ImageJ window (ImageJ -batch, headless): a modal dialog would hang it
            IJ.log("RadLens " + command + " error: " + message);
            System.err.println("RadLens " + command + " error: " + message);
        } else {
            IJ.error("RadLens " + command, message);
        }
        if (Macro.getOptions() != null || IJ.isMacro()) {
            Interpreter.abort(); // stops the running macro, as Esc does; a later run() of it never happens
        }
    }

    /** True when a person, not a macro, runs the command in an ImageJ window. */
    static boolean isInteractive() {
        return IJ.getInstance() != null && Macro.getOptions() == null && !IJ.isMacro()
                && !GraphicsEnvironment.isHeadless();
    }

    /** Throws {@link Cancelled} when Esc was pressed; shows progress otherwise. */
    public static void step(String command, int done, int total) throws Cancelled {
        if (IJ.escapePressed()) {
            throw new Cancelled(command);
        }
        IJ.showProgress(done, total);
        IJ.showStatus("RadLens " + command + ": " + done + "/" + total);
    }

    /**
     * Progress bar, status line and Esc for the models' volume work ({@code VolumeEncoder}, {@code VolumeGrounder}):
     * after each batch of slices it shows how far the command is and, when Esc was pressed, asks it to stop (the
     * models then throw {@code VolumeEncodingStopped}, which the volume commands turn into {@link Cancelled}).
     */
    public static SliceProgress progress(String command) {
        return (done, total) -> {
            if (IJ.escapePressed()) {
                return false;
            }
            IJ.showProgress(done, total);
            IJ.showStatus("RadLens " + command + ": " + done + "/" + total + " slices");
            return true;
        };
    }
}
