package org.radlens.cli;

import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.VoxelGeometry;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The image readers of the command line.
 *
 * <p>{@link #standard()} is the one place that chooses the reader of the classify, ground and segment commands:
 * dicom-io's {@code org.radlens.dicomio.ImageFiles.readImage2D(Path)} (DICOM, NIfTI, PNG, JPEG, detected by content).
 * {@link #readPngOrJpeg} is the module's own ImageIO reader, kept for callers that want no DICOM handling.
 */
public final class ImageSources {
    private ImageSources() {
    }

    /** The reader the commands use by default. */
    public static ImageSource standard() {
        return ImageSources::readAny;
    }

    /** Any format dicom-io reads; its checked {@code ImageReadException} (naming the file) becomes the cause. */
    public static Image2D readAny(Path file) throws IOException {
        try {
            return org.radlens.dicomio.ImageFiles.readImage2D(file);
        } catch (org.radlens.dicomio.ImageReadException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * PNG or JPEG through ImageIO: grey images keep their raw 8- or 16-bit samples, colour images become RGB planes;
     * pixel spacing is unknown, so the geometry is 1 mm isotropic with identity directions.
     */
    public static Image2D readPngOrJpeg(Path file) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no such image file");
        }
        BufferedImage bi = ImageIO.read(file.toFile());
        if (bi == null) {
            throw new IOException(file + ": not a PNG or JPEG image (DICOM and NIfTI need the dicom-io reader)");
        }
        Raster r = bi.getRaster();
        int w = bi.getWidth();
        int h = bi.getHeight();
        boolean colour = bi.getColorModel().getNumColorComponents() >= 3;
        int bands = colour ? 3 : 1;
        float[] v = new float[bands * w * h];
        if (!colour) {
            r.getSamples(0, 0, w, h, 0, v);
        }
        for (int b = 0; colour && b < bands; b++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    v[(b * h + y) * w + x] = rgb(bi, x, y, b);
                }
            }
        }
        IntensityInfo info = colour
                ? new IntensityInfo("OT", "raw", false, Optional.empty(), IntensityInfo.Photometric.RGB)
                : IntensityInfo.rawGray();
        return new Image2D(w, h, bands, v, VoxelGeometry.planar(1, 1), info);
    }

    private static float rgb(BufferedImage bi, int x, int y, int band) {
        int argb = bi.getRGB(x, y);
        return (argb >> (16 - 8 * band)) & 0xff;
    }
}
