package org.radlens.dicomio;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.VoxelGeometry;

/**
 * PNG and JPEG through {@link ImageIO}, raw sample values (8- or 16-bit grey as stored; colour → 3 RGB channels;
 * alpha dropped; palette PNGs expanded to RGB, or grey when the palette is grey). Geometry: 1 mm pixels.
 */
final class RasterImages {
    private static final long MAX_PIXELS = 1L << 28;

    private RasterImages() {
    }

    static Image2D read(Path file) throws ImageReadException {
        BufferedImage img = decode(file);
        int w = img.getWidth();
        int h = img.getHeight();
        Raster r = img.getRaster();
        boolean indexed = img.getColorModel() instanceof java.awt.image.IndexColorModel;
        int bands = indexed ? 3 : r.getNumBands() >= 3 ? 3 : 1;
        float[] data = new float[bands * w * h];
        for (int c = 0; c < bands; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    data[(c * h + y) * w + x] = indexed ? component(img, x, y, c) : r.getSample(x, y, c);
                }
            }
        }
        VoxelGeometry g = VoxelGeometry.planar(1, 1);
        if (bands == 1) {
            return Image2D.gray(w, h, data, g, IntensityInfo.rawGray());
        }
        Image2D rgb = new Image2D(w, h, 3, data, g, new IntensityInfo("OT", "raw", false, java.util.Optional.empty(),
                IntensityInfo.Photometric.RGB));
        return indexed && isGrey(data, w * h) ? Image2D.gray(w, h, rgb.channel(0), g, IntensityInfo.rawGray()) : rgb;
    }

    /** Decodes after checking the header's size, so a hostile header cannot make ImageIO allocate gigabytes. */
    private static BufferedImage decode(Path file) throws ImageReadException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new UnsupportedFormatException(file, "", "no ImageIO decoder for this file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new CorruptFileException(file, "implausible image size " + reader.getWidth(0) + "x"
                            + reader.getHeight(0));
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) { // ImageIO throws unchecked exceptions on hostile input
            throw new CorruptFileException(file, "cannot decode image: " + e, e);
        }
    }

    private static float component(BufferedImage img, int x, int y, int c) {
        int argb = img.getRGB(x, y);
        return (argb >> (16 - 8 * c)) & 0xff;
    }

    private static boolean isGrey(float[] d, int n) {
        for (int i = 0; i < n; i++) {
            if (d[i] != d[n + i] || d[i] != d[2 * n + i]) {
                return false;
            }
        }
        return true;
    }
}
