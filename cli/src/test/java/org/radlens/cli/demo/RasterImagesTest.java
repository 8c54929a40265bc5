package org.radlens.cli.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;

class RasterImagesTest {
    @TempDir
    Path dir;

    @Test
    void grayPngKeepsRawValuesRowMajor() throws IOException {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        float[] expected = new float[6];
        Random random = new Random(0);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                int v = random.nextInt(256);
                img.getRaster().setSample(x, y, 0, v);
                expected[y * 3 + x] = v;
            }
        }
        Path file = write(img, "png", "gray.png");
        Image2D read = RasterImages.read(file);
        assertEquals(3, read.width());
        assertEquals(2, read.height());
        assertEquals(1, read.channels());
        assertArrayEquals(expected, read.data());
        assertEquals(IntensityInfo.Photometric.MONOCHROME2, read.intensity().photometric());
    }

    @Test
    void sixteenBitPngIsNotTruncatedToEightBits() throws IOException {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setSample(0, 0, 0, 4095);
        img.getRaster().setSample(1, 0, 0, 65535);
        Image2D read = RasterImages.read(write(img, "png", "deep.png"));
        assertArrayEquals(new float[] {4095f, 65535f}, read.data());
    }

    @Test
    void rgbPngGivesThreePlanes() throws IOException {
        BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, (10 << 16) | (20 << 8) | 30);
        Image2D read = RasterImages.read(write(img, "png", "rgb.png"));
        assertEquals(3, read.channels());
        assertArrayEquals(new float[] {10f, 20f, 30f}, read.data());
        assertEquals(IntensityInfo.Photometric.RGB, read.intensity().photometric());
    }

    @Test
    void formatComesFromContentNotName() throws IOException {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        Path jpegNamedPng = write(img, "jpeg", "really-a-jpeg.png");
        assertEquals("jpeg", RasterImages.formatOf(jpegNamedPng));
        assertEquals(4, RasterImages.read(jpegNamedPng).width());
    }

    @Test
    void nonImageIsAClearIOException() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        IOException e = assertThrows(IOException.class, () -> RasterImages.read(text));
        assertTrue(e.getMessage().contains("not a PNG or JPEG"), e.getMessage());
        assertThrows(IOException.class, () -> RasterImages.read(dir.resolve("missing.png")));
    }

    private Path write(BufferedImage img, String format, String name) throws IOException {
        Path file = dir.resolve(name);
        assertTrue(ImageIO.write(img, format, file.toFile()), "no writer for " + format);
        return file;
    }
}
