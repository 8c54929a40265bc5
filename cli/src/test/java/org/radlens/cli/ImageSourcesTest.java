package org.radlens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageSourcesTest {
    @TempDir
    Path tmp;

    @Test
    void sixteenBitGreyKeepsRawValues() throws Exception {
        Image2D img = ImageSources.read(Path.of("../models/src/test/resources/packages/tiny/reference/synthetic16.png"));
        assertEquals(430, img.width());
        assertEquals(1, img.channels());
        float max = 0;
        for (float v : img.data()) {
            max = Math.max(max, v);
        }
        assertEquals(3535f, max);   // above 8 bits: raw 16-bit samples
    }

    @Test
    void colourBecomesRgbPlanes() throws Exception {
        BufferedImage bi = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        bi.setRGB(0, 0, 0xff8000);
        bi.setRGB(1, 0, 0x0000ff);
        Path p = tmp.resolve("c.png");
        ImageIO.write(bi, "png", p.toFile());
        Image2D img = ImageSources.read(p);
        assertEquals(3, img.channels());
        assertEquals(IntensityInfo.Photometric.RGB, img.intensity().photometric());
        assertEquals(255f, img.get(0, 0, 0));
        assertEquals(128f, img.get(0, 0, 1));
        assertEquals(255f, img.get(1, 0, 2));
    }

    @Test
    void otherFilesAreRefusedWithTheirName() throws Exception {
        Path p = Files.writeString(tmp.resolve("x.dcm"), "DICM?");
        IOException e = assertThrows(IOException.class, () -> ImageSources.read(p));
        assertTrue(e.getMessage().contains("x.dcm"), e.getMessage());
    }

    @Test
    void dicomIsReadThroughDicomIoWithItsGeometry() throws Exception {
        Image2D img = ImageSources.standard().read(Path.of("../samples/covid-notes-329_637.dcm"));
        Image2D jpg = ImageSources.read(Path.of("../samples/covid-notes-329_637.jpg"));
        assertEquals(jpg.width(), img.width());
        assertEquals(jpg.height(), img.height());
        assertEquals("DX", img.intensity().modality());
        assertEquals(0.2, img.geometry().spacing(0), 1e-9);
    }
}
