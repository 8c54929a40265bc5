package org.radlens.fiji.commands;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.nio.file.Files;
import java.nio.file.Path;
import org.radlens.dicomio.DicomReader;
import org.radlens.dicomio.ImageFiles;
import org.radlens.dicomio.ImageFormat;
import org.radlens.dicomio.ImageReadException;
import org.radlens.fiji.Commands;
import org.radlens.fiji.Dialogs;
import org.radlens.fiji.ImageInfoText;
import org.radlens.fiji.ImagePlusConversions;
import org.radlens.fiji.UserError;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.Volume;

/**
 * Plugins › RadLens › Open DICOM/NIfTI…: a DICOM file (multi-frame → stack), a folder holding one DICOM series,
 * NIfTI, PNG or JPEG → a calibrated image or stack (pixel and slice spacing, origin, HU calibration function) with
 * the DICOM attributes in Image › Show Info. Macro: {@code run("Open DICOM/NIfTI...", "path=/data/ct");}
 */
public final class OpenImageCommand implements PlugIn {
    public static final String TITLE = "Open DICOM/NIfTI";

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog("RadLens " + TITLE);
        Dialogs.addPath(gd, "path", IJ.getDirectory("image") == null ? "" : IJ.getDirectory("image"), false);
        gd.addMessage("A DICOM or NIfTI file, a folder with one DICOM series, or a PNG/JPEG.");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        String path = gd.getNextString().trim();
        Commands.run(TITLE, () -> open(Path.of(path)).show());
    }

    /** Reads {@code path} into a new (not yet shown) ImagePlus; user images are never touched. */
    public static ImagePlus open(Path path) throws UserError, ImageReadException {
        if (path.toString().isEmpty() || !Files.exists(path)) {
            throw new UserError("\"" + path + "\" does not exist: give a DICOM/NIfTI/PNG/JPEG file or a folder "
                    + "holding one DICOM series.");
        }
        ImageFormat format = ImageFormat.detect(path);
        if (format == ImageFormat.UNKNOWN) {
            throw new UserError(path.getFileName() + " is not an image RadLens can read (not DICOM, NIfTI, PNG or "
                    + "JPEG by its content).\nChoose an image file, or a folder that holds one DICOM series.");
        }
        String title = path.getFileName().toString();
        IJ.showStatus("RadLens: reading " + title + "…");
        ImagePlus imp;
        int[] dims;
        if (format == ImageFormat.PNG || format == ImageFormat.JPEG
                || format == ImageFormat.DICOM && DicomReader.readHeader(path).samplesPerPixel() > 1) {
            Image2D img = ImageFiles.readImage2D(path);
            imp = ImagePlusConversions.toImagePlus(img, title);
            dims = new int[] {img.width(), img.height(), 1};
            imp.setProperty("Info", ImageInfoText.of(path, format, img.geometry(), img.intensity(), dims));
        } else {
            Volume v = ImageFiles.readVolume(path);
            imp = ImagePlusConversions.toImagePlus(v, title);
            dims = new int[] {v.nx(), v.ny(), v.nz()};
            imp.setProperty("Info", ImageInfoText.of(path, format, v.geometry(), v.intensity(), dims));
        }
        IJ.showStatus("");
        return imp;
    }
}
