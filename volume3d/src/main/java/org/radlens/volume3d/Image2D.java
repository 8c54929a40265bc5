package org.radlens.volume3d;

import java.util.Objects;

/**
 * An immutable 2D image: float samples, planar by channel, row-major ({@code index = c·w·h + y·w + x}),
 * with its placement in patient space and the meaning of its values.
 *
 * <p>Values are raw (after the modality LUT where {@link IntensityInfo#rescaleApplied()}), never display-mapped.
 * The array passed in is copied; {@link #data()} returns a copy, {@link #get} reads in place.
 *
 * <pre>{@code
 * Image2D img = Image2D.gray(2, 1, new float[] {0f, 255f}, VoxelGeometry.planar(0.14, 0.14), IntensityInfo.rawGray());
 * float v = img.get(1, 0);   // 255
 * }</pre>
 */
public final class Image2D {
    private final int width;
    private final int height;
    private final int channels;
    private final float[] data;
    private final VoxelGeometry geometry;
    private final IntensityInfo intensity;

    public Image2D(int width, int height, int channels, float[] data, VoxelGeometry geometry, IntensityInfo intensity) {
        if (width <= 0 || height <= 0 || channels <= 0) {
            throw new IllegalArgumentException("bad size " + width + "x" + height + "x" + channels);
        }
        Objects.requireNonNull(data, "data");
        if (data.length != (long) width * height * channels) {
            throw new IllegalArgumentException("data has " + data.length + " values, expected "
                    + (long) width * height * channels + " for " + width + "x" + height + "x" + channels);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.data = data.clone();
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.intensity = Objects.requireNonNull(intensity, "intensity");
    }

    /**
     * An image that takes ownership of {@code data} without copying (for readers that filled a fresh array and drop
     * it: saves one copy per image). The caller must not modify {@code data} afterwards. Same checks as the
     * constructor.
     */
    public static Image2D adopt(int width, int height, int channels, float[] data, VoxelGeometry geometry,
                                IntensityInfo intensity) {
        return new Image2D(width, height, channels, geometry, intensity, data);
    }

    private Image2D(int width, int height, int channels, VoxelGeometry geometry, IntensityInfo intensity,
                    float[] owned) {
        if (width <= 0 || height <= 0 || channels <= 0 || owned == null
                || owned.length != (long) width * height * channels) {
            throw new IllegalArgumentException("bad size " + width + "x" + height + "x" + channels + " for "
                    + (owned == null ? "null" : owned.length + " values"));
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.data = owned;
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.intensity = Objects.requireNonNull(intensity, "intensity");
    }

    /** A single-channel image. */
    public static Image2D gray(int width, int height, float[] data, VoxelGeometry geometry, IntensityInfo intensity) {
        return new Image2D(width, height, 1, data, geometry, intensity);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int channels() {
        return channels;
    }

    /** Sample at column x, row y of channel 0. */
    public float get(int x, int y) {
        return data[y * width + x];
    }

    /** Sample at column x, row y of channel c. */
    public float get(int x, int y, int c) {
        return data[(c * height + y) * width + x];
    }

    /** A copy of the samples. */
    public float[] data() {
        return data.clone();
    }

    /**
     * The samples of a single-channel image without a copy (the counterpart of {@link #adopt}): for code that only
     * reads them, e.g. preprocessing a full-size film without a second float plane. The caller must not modify them.
     *
     * @throws IllegalStateException the image has more than one channel
     */
    public float[] sharedGreySamples() {
        if (channels != 1) {
            throw new IllegalStateException("sharedGreySamples needs a single-channel image, this one has " + channels);
        }
        return data;
    }

    /** Channel c's samples (a copy), row-major. */
    public float[] channel(int c) {
        float[] out = new float[width * height];
        System.arraycopy(data, c * width * height, out, 0, out.length);
        return out;
    }

    /** Luminance (ITU-R BT.601) for colour images, the image itself for single-channel ones. */
    public Image2D toGray() {
        if (channels == 1) {
            return this;
        }
        if (channels < 3) {
            return gray(width, height, channel(0), geometry, intensity);
        }
        int n = width * height;
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            g[i] = 0.299f * data[i] + 0.587f * data[n + i] + 0.114f * data[2 * n + i];
        }
        IntensityInfo gi = new IntensityInfo(intensity.modality(), intensity.units(), intensity.rescaleApplied(),
                intensity.defaultWindow(), IntensityInfo.Photometric.MONOCHROME2);
        return gray(width, height, g, geometry, gi);
    }

    public VoxelGeometry geometry() {
        return geometry;
    }

    public IntensityInfo intensity() {
        return intensity;
    }

    @Override
    public String toString() {
        return "Image2D[" + width + "x" + height + "x" + channels + ", " + intensity.modality() + "]";
    }
}
