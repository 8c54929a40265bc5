package org.radlens.models.preprocess;

import org.radlens.models.pkg.ModelManifest.ImageSpec;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.ReducedImage;

import java.util.Objects;

/**
 * The image preprocessing of a model package, in the order MODEL-PACKAGE.md prescribes: grey (MONOCHROME1 inverted,
 * colour → luminance), intensity to {@code [0, 1]}, letterbox onto {@code S × S} (pad value around), then
 * {@code (v − mean[c]) / std[c]} per channel (a 3-channel model gets the grey plane in every channel). Stateless and
 * thread-safe.
 *
 * <p>Shrinking by 2× or more first averages {@code f × f} blocks, {@code f = floor(1/k)}, and then samples the reduced
 * image bilinearly at {@code (x + 0.5)/(k·f) − 0.5}, as the reference exporter ({@code radlens_train.preprocess}) does
 * (anti-aliasing); for {@code k > 1/2} this is plain bilinear at {@code (x + 0.5)/k − 0.5}.
 *
 * <pre>{@code
 * PreparedImage p = new Preprocessor(manifest.image()).prepare(image);
 * }</pre>
 */
public final class Preprocessor {
    private final ImageSpec spec;

    public Preprocessor(ImageSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** Preprocesses one image. */
    public PreparedImage prepare(Image2D image) {
        return prepare(ReducedImage.full(image));
    }

    /**
     * Preprocesses an image read at a reduced resolution of its full grid: the model input, its letterbox
     * {@code transform} and {@code sourceGeometry} are the FULL grid's (so masks, heat maps, boxes and areas stay on
     * the film's real grid and size); the letterbox samples the reduced plane at full-grid coordinate / 2^d (reduced
     * pixel i is centred at full pixel 2^d·i). The intensity range (percentiles, min–max, MONOCHROME1 inversion) is
     * taken from the reduced plane. {@code levels} 0: exactly {@link #prepare(Image2D)}.
     */
    public PreparedImage prepare(ReducedImage reduced) {
        Image2D image = reduced.image();
        float[] grey = Intensities.greyReadOnly(image); // read only below: no copy of a full-size film
        float[] range = Intensities.range(grey, spec.intensity(), Intensities.windowAfterInversion(image, grey));
        LetterboxTransform t = LetterboxTransform.fit(reduced.fullWidth(), reduced.fullHeight(), spec.size());
        float[] boxed = letterbox(grey, image.width(), image.height(), reduced.factor(), range[0], range[1], t,
                (float) spec.padValue(), true);
        int s = spec.size();
        int c = spec.channels();
        float[] out = new float[c * s * s];
        for (int ch = 0; ch < c; ch++) {
            float mean = spec.mean().get(ch).floatValue();
            float std = spec.std().get(ch).floatValue();
            int base = ch * s * s;
            for (int i = 0; i < s * s; i++) {
                out[base + i] = (boxed[i] - mean) / std;
            }
        }
        return new PreparedImage(out, c, t, reduced.fullGeometry());
    }

    /** The unit-range grey plane placed on the {@code S × S} grid, padding filled with {@code pad}. */
    static float[] letterbox(float[] grey, LetterboxTransform t, float pad) {
        return letterbox(grey, t.sourceWidth(), t.sourceHeight(), 1, 0f, 1f, t, pad, false);
    }

    /**
     * {@code grey} mapped to unit range ({@link Intensities#toUnit} with {@code lo}, {@code hi}) and placed on the
     * {@code S × S} grid. When shrinking by 2× or more the mapping is fused into the block averaging
     * ({@link Bilinear#boxReduceUnit}): the full-size plane is read once and never written (same values as mapping
     * it first). {@code grey} is only read.
     */
    static float[] letterbox(float[] grey, float lo, float hi, LetterboxTransform t, float pad) {
        return letterbox(grey, t.sourceWidth(), t.sourceHeight(), 1, lo, hi, t, pad, true);
    }

    /**
     * The letterbox of a {@code gw × gh} plane whose pixel i is centred at pixel {@code r·i} of the transform's source
     * grid ({@code r} 1: the source grid itself). Shrinking the plane by 2× or more first averages {@code f × f}
     * blocks, {@code f = floor(1/(k·r))}; block b is centred at plane coordinate {@code f·b + (f − 1)/2}, so input
     * pixel x samples it at {@code ((x + 0.5)/k − 0.5)/r} in plane coordinates, i.e.
     * {@code (x + 0.5)/(k·r·f) − (0.5/r + (f − 1)/2)/f} in block coordinates ({@code (x + 0.5)/(k·f) − 0.5} for r = 1,
     * bit for bit: the constant is exactly 0.5 then).
     */
    private static float[] letterbox(float[] grey, int gw, int gh, int r, float lo, float hi, LetterboxTransform t,
                                     float pad, boolean map) {
        int s = t.size();
        float[] out = new float[s * s];
        java.util.Arrays.fill(out, pad);
        double k = t.scale() * r;
        int f = k < 1 ? Math.max(1, (int) Math.floor(1.0 / k)) : 1;
        int rw = (gw + f - 1) / f;
        int rh = (gh + f - 1) / f;
        if (map && f <= 1) { // not shrunk 2x or more: small, map a copy (grey may be the image's own samples)
            grey = grey.clone();
            Intensities.toUnit(grey, lo, hi);
        }
        float[] reduced = map && f > 1 ? Bilinear.boxReduceUnit(grey, gw, gh, f, lo, hi)
                : Bilinear.boxReduce(grey, gw, gh, f);
        double inv = 1.0 / (k * f);
        double shift = (0.5 / r + (f - 1) / 2.0) / f;
        for (int y = 0; y < t.scaledHeight(); y++) {
            double ys = (y + 0.5) * inv - shift;
            int row = (y + t.offsetY()) * s + t.offsetX();
            for (int x = 0; x < t.scaledWidth(); x++) {
                out[row + x] = Bilinear.sample(reduced, rw, rh, (x + 0.5) * inv - shift, ys);
            }
        }
        return out;
    }
}
