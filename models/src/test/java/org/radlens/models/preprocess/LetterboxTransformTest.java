package org.radlens.models.preprocess;

import org.junit.jupiter.api.Test;
import org.radlens.volume3d.VoxelGeometry;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LetterboxTransformTest {

    @Test
    void fitsLandscapeAndPortraitImagesAsDocumented() {
        LetterboxTransform t = LetterboxTransform.fit(400, 300, 224);
        assertEquals(0.56, t.scale(), 1e-12);
        assertEquals(224, t.scaledWidth());
        assertEquals(168, t.scaledHeight());
        assertEquals(0, t.offsetX());
        assertEquals(28, t.offsetY());
        LetterboxTransform p = LetterboxTransform.fit(25, 50, 32);
        assertEquals(16, p.scaledWidth());
        assertEquals(8, p.offsetX());
        assertEquals(0, p.offsetY());
    }

    @Test
    void roundsHalfUpLikeTheReferenceExporter() {
        // w·k = 5·(32/64) = 2.5 → 3 (floor(v + 0.5)), not Python's banker's 2
        LetterboxTransform t = LetterboxTransform.fit(5, 64, 32);
        assertEquals(3, t.scaledWidth());
        assertEquals(14, t.offsetX());
    }

    @Test
    void sourceToInputToSourceIsIdentityOnRandomImages() {
        Random r = new Random(0);
        for (int i = 0; i < 100; i++) {
            int w = 1 + r.nextInt(3000);
            int h = 1 + r.nextInt(3000);
            int s = 8 + r.nextInt(512);
            LetterboxTransform t = LetterboxTransform.fit(w, h, s);
            double x = r.nextDouble() * w - 0.5;
            double y = r.nextDouble() * h - 0.5;
            double[] in = t.toInput(x, y);
            assertArrayEquals(new double[] {x, y}, t.toSource(in[0], in[1]), 1e-9, t.toString());
            assertTrue(t.scaledWidth() <= s && t.scaledHeight() <= s);
            assertTrue(t.scaledWidth() == s || t.scaledHeight() == s, t.toString());
        }
    }

    @Test
    void imageCornersLandOnTheScaledRectangle() {
        Random r = new Random(1);
        for (int i = 0; i < 100; i++) {
            int w = 1 + r.nextInt(2000);
            int h = 1 + r.nextInt(2000);
            LetterboxTransform t = LetterboxTransform.fit(w, h, 224);
            double[] topLeft = t.toInput(-0.5, -0.5);          // outer edge of the first source pixel
            double[] bottomRight = t.toInput(w - 0.5, h - 0.5);
            assertEquals(t.offsetX() - 0.5, topLeft[0], 1e-9);
            assertEquals(t.offsetY() - 0.5, topLeft[1], 1e-9);
            assertEquals(t.offsetX() + w * t.scale() - 0.5, bottomRight[0], 1e-9);
            assertEquals(Math.abs(w * t.scale() - t.scaledWidth()) <= 0.5 + 1e-9, true);
            assertTrue(t.coversImage(t.offsetX(), t.offsetY()));
            assertTrue(!t.coversImage(t.offsetX() + t.scaledWidth(), t.offsetY()));
        }
    }

    @Test
    void inputGeometryPlacesInputPixelsAtTheSamePatientPositions() {
        Random r = new Random(2);
        VoxelGeometry src = VoxelGeometry.of(new double[] {0.14, 0.2, 1}, new double[] {-100, 50, 3},
                new double[] {0, 0, 1, 1, 0, 0, 0, 1, 0});
        for (int i = 0; i < 100; i++) {
            LetterboxTransform t = LetterboxTransform.fit(1 + r.nextInt(3000), 1 + r.nextInt(3000), 224);
            VoxelGeometry in = t.inputGeometry(src);
            double xi = r.nextDouble() * 224;
            double yi = r.nextDouble() * 224;
            double[] s = t.toSource(xi, yi);
            assertArrayEquals(src.indexToWorld(s[0], s[1], 0), in.indexToWorld(xi, yi, 0), 1e-6);
        }
    }
}
