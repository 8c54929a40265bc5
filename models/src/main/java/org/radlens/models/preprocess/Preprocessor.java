package org.radlens.models.preprocess;

import org.radlens.models.pkg.ModelManifest.ImageSpec;
import org.radlens.volume3d.Image2D;

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
        float[] grey = Intensities.greyReadOnly(image); // read only below: no copy of a full-size film
        float[] range = Intensities.range(grey, spec.intensity(), Intensities.windowAfterInversion(image, grey));
        LetterboxTransform t = LetterboxTransform.fit(image.width(), image.height(), spec.size());
        float[] boxed = letterbox(grey, range[0], range[1], t, (float) spec.padValue());
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
        return new PreparedImage(out, c, t, image.geometry());
    }

    /** The unit-range grey plane placed on the {@code S × S} grid, padding filled with {@code pad}. */
    static float[] letterbox(float[] grey, LetterboxTransform t, float pad) {
        return letterbox(grey, 0f, 1f, t, pad, false);
    }

    /**
     * {@code grey} mapped to unit range ({@link Intensities#toUnit} with {@code lo}, {@code hi}) and placed on the
     * {@code S × S} grid. When shrinking by 2× or more the mapping is fused into the block averaging
     * ({@link Bilinear#boxReduceUnit}): the full-size plane is read once and never written (same values as mapping
     * it first). {@code grey} is only read.
     */
    static float[] letterbox(float[] grey, float lo, float hi, LetterboxTransform t, float pad) {
        return letterbox(grey, lo, hi, t, pad, true);
    }

    private static float[] letterbox(float[] grey, float lo, float hi, LetterboxTransform t, float pad, boolean map) {
        int s = t.size();
        float[] out = new float[s * s];
        java.util.Arrays.fill(out, pad);
        int f = t.scale() < 1 ? Math.max(1, (int) Math.floor(1.0 / t.scale())) : 1;
        int rw = (t.sourceWidth() + f - 1) / f;
        int rh = (t.sourceHeight() + f - 1) / f;
        if (map && f <= 1) { // not shrunk 2x or more: small, map a copy (grey may be the image's own samples)
            grey = grey.clone();
            Intensities.toUnit(grey, lo, hi);
        }
        float[] reduced = map && f > 1 ? Bilinear.boxReduceUnit(grey, t.sourceWidth(), t.sourceHeight(), f, lo, hi)
                : Bilinear.boxReduce(grey, t.sourceWidth(), t.sourceHeight(), f);
        double inv = 1.0 / (t.scale() * f);
        for (int y = 0; y < t.scaledHeight(); y++) {
            double ys = (y + 0.5) * inv - 0.5;
            int row = (y + t.offsetY()) * s + t.offsetX();
            for (int x = 0; x < t.scaledWidth(); x++) {
                out[row + x] = Bilinear.sample(reduced, rw, rh, (x + 0.5) * inv - 0.5, ys);
            }
        }
        return out;
    }
}
