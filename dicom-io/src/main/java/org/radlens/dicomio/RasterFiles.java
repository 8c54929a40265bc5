package org.radlens.dicomio;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes PNG and JPEG files with the decoder for their format, found from the file's magic bytes. Unlike
 * {@link ImageIO#read}, it never probes every registered reader (PixelMed's JPEG-lossless plugin prints to stdout
 * when probed), and it refuses absurd sizes before decoding.
 *
 * <pre>{@code
 * BufferedImage img = RasterFiles.decode(Path.of("samples/kermany-normal-IM-0001-0001.jpg"));
 * }</pre>
 */
public final class RasterFiles {
    static final long MAX_PIXELS = 1L << 28;

    private RasterFiles() {
    }

    /**
     * @throws UnsupportedFormatException when the file is not PNG or JPEG, or is too large
     * @throws CorruptFileException       when the decoder fails
     */
    public static BufferedImage decode(Path file) throws ImageReadException {
        String format = switch (ImageFormat.detect(file)) {
            case PNG -> "png";
            case JPEG -> "jpeg";
            default -> throw new UnsupportedFormatException(file, "", "not a PNG or JPEG file");
        };
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new UnsupportedFormatException(file, "", "no ImageIO decoder for " + format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels <= 0) {
                throw new CorruptFileException(file, "implausible image size " + reader.getWidth(0) + "x"
                        + reader.getHeight(0));
            }
            if (pixels > MAX_PIXELS) {
                throw new UnsupportedFormatException(file, "", "image of " + pixels + " pixels is too large");
            }
            return reader.read(0);
        } catch (IOException | RuntimeException e) { // decoders throw unchecked exceptions on hostile input
            throw new CorruptFileException(file, "cannot decode " + format + " image: " + ReadFailures.describe(e), e);
        } finally {
            reader.dispose();
        }
    }
}
