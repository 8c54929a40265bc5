package org.radlens.validation.eval;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.RasterFiles;
import org.radlens.validation.metrics.BinaryMask;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.VoxelGeometry;

/**
 * PNG/JPEG files through dicom-io's {@link RasterFiles}: raw raster samples of band 0 (palette indices for indexed PNGs,
 * grey values otherwise), never display-mapped. Such files carry no spacing, so masks and maps get 1 mm × 1 mm
 * pixels: distances are then in pixels, and reports say so.
 */
public final class ImageIoFiles implements MaskReader {
    /** Pixel spacing assumed for files without geometry. */
    public static final double PIXEL_MM = 1.0;

    @Override
    public BinaryMask read(Path file, int label) throws IOException {
        Raster r = raster(file);
        int w = r.getWidth();
        int h = r.getHeight();
        boolean[] v = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int s = r.getSample(x, y, 0);
                v[y * w + x] = label < 0 ? s != 0 : s == label;
            }
        }
        return BinaryMask.planar(w, h, v, PIXEL_MM, PIXEL_MM);
    }

    /** Band 0 of an image file as a float map (heat maps written as grey PNGs). */
    public static Image2D readMap(Path file) throws IOException {
        Raster r = raster(file);
        int w = r.getWidth();
        int h = r.getHeight();
        float[] v = new float[w * h];
        r.getSamples(0, 0, w, h, 0, v);
        return Image2D.gray(w, h, v, VoxelGeometry.planar(PIXEL_MM, PIXEL_MM), IntensityInfo.rawGray());
    }

    /** The image for display (overlays); colour models are kept. */
    public static BufferedImage readForDisplay(Path file) throws IOException {
        try {
            return RasterFiles.decode(file);
        } catch (ImageReadException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Raster raster(Path file) throws IOException {
        return readForDisplay(file).getRaster();
    }
}
