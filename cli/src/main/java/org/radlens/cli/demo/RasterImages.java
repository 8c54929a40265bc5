package org.radlens.cli.demo;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.VoxelGeometry;

/**
 * Reads PNG and JPEG files (anything the JDK's ImageIO decodes) into {@link Image2D} with raw sample values:
 * grey images give one channel, colour images three (R, G, B planes); alpha is dropped; palette images are expanded
 * to their colours. These formats carry no calibration, so the geometry is a 1 mm × 1 mm placeholder grid.
 *
 * <pre>{@code
 * Image2D img = RasterImages.read(Path.of("samples/kermany-normal-IM-0001-0001.jpg"));  // 224×224×1
 * }</pre>
 */
public final class RasterImages {
    /** The pixel spacing (mm) given to images whose format stores none. */
    public static final double PLACEHOLDER_SPACING_MM = 1.0;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private RasterImages() {
    }

    /**
     * Reads a PNG or JPEG file, recognised by its first bytes (not its name).
     *
     * @throws IOException when the file cannot be read or is neither PNG nor JPEG
     */
    public static Image2D read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a file: " + file);
        }
        String format = formatOf(file);
        // By format name, not ImageIO.read: probing every registered reader lets third-party ones (PixelMed's
        // JPEG-lossless SPI) print to the console.
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IOException("no ImageIO reader for " + format + ": " + file);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            return toImage2D(reader.read(0));
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot decode " + format + " image " + file + ": " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    /** {@code png} or {@code jpeg} from the file's signature. */
    static String formatOf(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 8 && Arrays.equals(head, PNG_SIGNATURE)) {
            return "png";
        }
        if (n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return "jpeg";
        }
        throw new IOException("not a PNG or JPEG file (unrecognised signature): " + file);
    }

    /** Converts a decoded image, keeping raw sample values (no display mapping). */
    public static Image2D toImage2D(BufferedImage img) {
        if (img.getColorModel() instanceof IndexColorModel) {
            BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(img, 0, 0, null);
            img = rgb;
        }
        Raster raster = img.getRaster();
        int bands = raster.getNumBands() - (img.getColorModel().hasAlpha() ? 1 : 0);
        int channels = bands >= 3 ? 3 : 1;
        int w = img.getWidth();
        int h = img.getHeight();
        float[] data = new float[w * h * channels];
        float[] plane = new float[w * h];
        for (int c = 0; c < channels; c++) {
            raster.getSamples(0, 0, w, h, c, plane);
            System.arraycopy(plane, 0, data, c * w * h, plane.length);
        }
        IntensityInfo intensity = channels == 1 ? IntensityInfo.rawGray()
                : new IntensityInfo("OT", "raw", false, Optional.empty(), IntensityInfo.Photometric.RGB);
        VoxelGeometry grid = VoxelGeometry.planar(PLACEHOLDER_SPACING_MM, PLACEHOLDER_SPACING_MM);
        return new Image2D(w, h, channels, data, grid, intensity);
    }
}
