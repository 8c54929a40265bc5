package org.radlens.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.validation.metrics.BinaryMask;
import org.radlens.validation.metrics.ReferenceBox;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.VoxelGeometry;

class OverlaysTest {
    @TempDir
    Path dir;

    @Test
    void segmentationSurfacesAreDrawnInTheImageGrid() throws Exception {
        BufferedImage base = new BufferedImage(6, 6, BufferedImage.TYPE_BYTE_GRAY);
        boolean[] ref = new boolean[36];
        boolean[] pred = new boolean[36];
        ref[2 * 6 + 2] = true;
        pred[4 * 6 + 4] = true;
        Path png = dir.resolve("o.png");
        Overlays.segmentation(base, BinaryMask.planar(6, 6, pred, 1, 1), BinaryMask.planar(6, 6, ref, 1, 1), png);
        BufferedImage out = ImageIO.read(png.toFile());
        assertEquals(0x00ff00, out.getRGB(2, 2) & 0xffffff);
        assertEquals(0xff0000, out.getRGB(4, 4) & 0xffffff);
        assertEquals(0x000000, out.getRGB(0, 0) & 0xffffff);
    }

    @Test
    void groundingMarksTheMaximumAndTheBox() throws Exception {
        BufferedImage base = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
        float[] v = new float[40 * 30];
        v[15 * 40 + 20] = 1;
        Image2D heat = Image2D.gray(40, 30, v, VoxelGeometry.planar(1, 1), IntensityInfo.rawGray());
        Path png = dir.resolve("g.png");
        Overlays.grounding(base, heat, List.of(new ReferenceBox(2, 2, 10, 10)), png);
        BufferedImage out = ImageIO.read(png.toFile());
        assertEquals(0xffff00, out.getRGB(20, 10) & 0xffffff, "yellow cross above the maximum");
        assertEquals(0x00ff00, out.getRGB(2, 6) & 0xffffff, "green box edge");
    }
}
