package org.radlens.models.preprocess;

import org.radlens.volume3d.VoxelGeometry;

/**
 * The aspect-preserving resize-and-pad that placed a {@code sourceWidth × sourceHeight} image on the model's
 * {@code size × size} input grid. Pixel coordinates are pixel-centre indices (pixel (0, 0) is centred at (0, 0)).
 *
 * <p>Maths (MODEL-PACKAGE.md): {@code k = size / max(w, h)}; the scaled image is {@code round(w·k) × round(h·k)}
 * (round half up, {@code floor(v + 0.5)}, as the reference exporter), placed at {@code (ox, oy) = ((size − round(w·k)) / 2,
 * (size − round(h·k)) / 2)} (integer division). Input → source: {@code x_src = (x_in − ox + 0.5)/k − 0.5};
 * source → input: {@code x_in = (x_src + 0.5)·k + ox − 0.5}; the same for y with {@code oy}.
 *
 * <pre>{@code
 * LetterboxTransform t = LetterboxTransform.fit(400, 300, 224);   // k = 0.56, scaled 224×168, offset (0, 28)
 * double[] src = t.toSource(112, 112);                               // ≈ {199.5, 149.5}
 * }</pre>
 *
 * @param sourceWidth  w, columns of the original image
 * @param sourceHeight h, rows of the original image
 * @param size         S, side of the square model input
 * @param scale        k
 * @param offsetX      ox, first input column covered by the image
 * @param offsetY      oy, first input row covered by the image
 * @param scaledWidth  round(w·k)
 * @param scaledHeight round(h·k)
 */
public record LetterboxTransform(int sourceWidth, int sourceHeight, int size, double scale, int offsetX, int offsetY,
                                 int scaledWidth, int scaledHeight) {

    public LetterboxTransform {
        if (sourceWidth < 1 || sourceHeight < 1 || size < 1 || !(scale > 0)) {
            throw new IllegalArgumentException("bad letterbox " + sourceWidth + "x" + sourceHeight + " -> " + size
                    + " scale " + scale);
        }
    }

    /** The letterbox of a {@code width × height} image onto a {@code size × size} grid. */
    public static LetterboxTransform fit(int width, int height, int size) {
        if (width < 1 || height < 1 || size < 1) {
            throw new IllegalArgumentException("bad sizes " + width + "x" + height + " -> " + size);
        }
        double k = (double) size / Math.max(width, height);
        int sw = Math.max(1, Math.min(size, (int) Math.floor(width * k + 0.5)));
        int sh = Math.max(1, Math.min(size, (int) Math.floor(height * k + 0.5)));
        return new LetterboxTransform(width, height, size, k, (size - sw) / 2, (size - sh) / 2, sw, sh);
    }

    /** Source pixel coordinates {x, y} of input-grid coordinates. */
    public double[] toSource(double xIn, double yIn) {
        return new double[] {(xIn - offsetX + 0.5) / scale - 0.5, (yIn - offsetY + 0.5) / scale - 0.5};
    }

    /** Input-grid coordinates {x, y} of source pixel coordinates. */
    public double[] toInput(double xSrc, double ySrc) {
        return new double[] {(xSrc + 0.5) * scale + offsetX - 0.5, (ySrc + 0.5) * scale + offsetY - 0.5};
    }

    /** True when input pixel (x, y) lies on the image, not on the padding. */
    public boolean coversImage(int xIn, int yIn) {
        return xIn >= offsetX && xIn < offsetX + scaledWidth && yIn >= offsetY && yIn < offsetY + scaledHeight;
    }

    /**
     * The geometry of the input grid, given the source image's: pixel spacing divided by k, origin at the patient
     * position of input pixel (0, 0) (which may lie in the padding, outside the source image).
     */
    public VoxelGeometry inputGeometry(VoxelGeometry source) {
        double[] s = source.spacing();
        double[] o = toSource(0, 0);
        return source.withSpacingAndOrigin(new double[] {s[0] / scale, s[1] / scale, s[2]},
                source.indexToWorld(o[0], o[1], 0));
    }
}
