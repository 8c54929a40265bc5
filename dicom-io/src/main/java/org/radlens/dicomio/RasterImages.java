package org.radlens.dicomio;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Path;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.VoxelGeometry;

/**
 * PNG and JPEG through {@link RasterFiles}, raw sample values (8- or 16-bit grey as stored; colour → 3 RGB channels;
 * alpha dropped; palette PNGs expanded to RGB, or grey when the palette is grey). Geometry: 1 mm pixels.
 */
final class RasterImages {
    private RasterImages() {
    }

    static Image2D read(Path file) throws ImageReadException {
        BufferedImage img = RasterFiles.decode(file);
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
