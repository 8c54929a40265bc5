package org.radlens.models.segmentation;

import org.radlens.models.InferenceException;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.encode.ImageEncoder;
import org.radlens.models.encode.SegLogits;
import org.radlens.models.grounding.Grounder;
import org.radlens.models.grounding.HeatMap;
import org.radlens.models.pkg.ModelManifest.Activation;
import org.radlens.models.pkg.ModelManifest.SegmentationSpec;
import org.radlens.models.preprocess.Bilinear;
import org.radlens.models.preprocess.LetterboxTransform;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.LabelMask;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Masks in the original image's geometry. With a segmentation head: logits upsampled bilinearly to the model input,
 * mapped back through the letterbox, activated ({@code sigmoid} or {@code softmax}) and thresholded; each pixel gets
 * the label (1-based class index) of its most probable class when that probability reaches the threshold
 * (source {@value #HEAD}). Without a head: grounding maps of the requested regions, each cut at halfway between its
 * minimum and maximum, each pixel labelled by the region whose map is highest among those above their cut
 * (source {@value #GROUNDING}). Thread-safe.
 *
 * <pre>{@code
 * LabelMask lungs = model.segmenter().segment(image);
 * }</pre>
 */
public final class Segmenter {
    /** {@link LabelMask#source()} of head masks. */
    public static final String HEAD = "segmentation head";
    /** {@link LabelMask#source()} of masks made without a head. */
    public static final String GROUNDING = "thresholded grounding map";

    private final ImageEncoder images;
    private final Optional<SegmentationSpec> head;
    private final Grounder grounder;
    private final List<String> fallbackRegions;

    /**
     * @param fallbackRegions regions segmented from grounding maps when there is no head (e.g. the anatomy prompt names)
     */
    public Segmenter(ImageEncoder images, Optional<SegmentationSpec> head, Grounder grounder,
                     List<String> fallbackRegions) {
        this.images = images;
        this.head = head;
        this.grounder = grounder;
        this.fallbackRegions = List.copyOf(fallbackRegions);
    }

    /** Whether masks come from a trained head rather than grounding maps. */
    public boolean hasHead() {
        return head.isPresent();
    }

    /** The head's classes, or the fallback grounding regions. */
    public List<String> classes() {
        return head.map(SegmentationSpec::classes).orElse(fallbackRegions);
    }

    /** The package's segmentation of one image. */
    public LabelMask segment(Image2D image) throws InferenceException {
        return segment(images.encode(image));
    }

    /** The package's segmentation of an encoded image. */
    public LabelMask segment(ImageEmbedding e) throws InferenceException {
        if (head.isPresent() && e.segLogits().isPresent()) {
            return fromLogits(e.segLogits().get(), head.get(), e);
        }
        if (fallbackRegions.isEmpty()) {
            throw new IllegalStateException("the package has no segmentation head and no anatomy regions: "
                    + "pass the regions to segment(image, regions)");
        }
        return fromGrounding(e, fallbackRegions);
    }

    /** Masks of the given regions from grounding maps, whether or not the package has a head. */
    public LabelMask segment(Image2D image, List<String> regions) throws InferenceException {
        return fromGrounding(images.encode(image), regions);
    }

    /** Masks of the given regions from the grounding maps of an encoded image. */
    public LabelMask segment(ImageEmbedding e, List<String> regions) throws InferenceException {
        return fromGrounding(e, regions);
    }

    private LabelMask fromGrounding(ImageEmbedding e, List<String> regions) throws InferenceException {
        if (regions.isEmpty() || regions.size() > 254) {
            throw new IllegalArgumentException("need 1 to 254 regions, got " + regions.size());
        }
        List<float[]> maps = new ArrayList<>();
        float[] cuts = new float[regions.size()];
        for (int r = 0; r < regions.size(); r++) {
            HeatMap m = grounder.heatMap(e, regions.get(r), grounder.streamFor(regions.get(r)));
            maps.add(m.values());
            cuts[r] = m.relativeThreshold(Grounder.DEFAULT_RELATIVE_THRESHOLD);
        }
        LetterboxTransform t = e.transform();
        byte[] labels = new byte[t.sourceWidth() * t.sourceHeight()];
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            float bestValue = Float.NEGATIVE_INFINITY;
            for (int r = 0; r < maps.size(); r++) {
                float v = maps.get(r)[i];
                if (v >= cuts[r] && v > bestValue) {
                    best = r + 1;
                    bestValue = v;
                }
            }
            labels[i] = (byte) best;
        }
        return new LabelMask(t.sourceWidth(), t.sourceHeight(), 1, labels, e.sourceGeometry(), regions, GROUNDING);
    }

    static LabelMask fromLogits(SegLogits logits, SegmentationSpec spec, ImageEmbedding e) {
        LetterboxTransform t = e.transform();
        int w = t.sourceWidth();
        int k = logits.classes();
        float[][] planes = new float[k][];
        for (int c = 0; c < k; c++) {
            planes[c] = Bilinear.toInputGrid(logits.plane(c), logits.width(), logits.height(), t);
        }
        Labeller labeller = new Labeller(spec.activation(), spec.threshold());
        if (k == 1 && !Double.isNaN(labeller.cut())) { // the lung head: whole runs at once
            return new LabelMask(w, t.sourceHeight(), 1, ThresholdedPlane.labels(planes[0], t, labeller),
                    e.sourceGeometry(), spec.classes(), HEAD);
        }
        byte[] labels = new byte[w * t.sourceHeight()];
        double[] z = new double[k];
        float[][] rows = new float[k][w];
        for (int y = 0; y < t.sourceHeight(); y++) { // row by row: no source-size float plane per class
            for (int c = 0; c < k; c++) {
                Bilinear.sourceRow(planes[c], t, y, rows[c]);
            }
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < k; c++) {
                    z[c] = rows[c][x];
                }
                labels[y * w + x] = (byte) labeller.label(z);
            }
        }
        return new LabelMask(w, t.sourceHeight(), 1, labels, e.sourceGeometry(), spec.classes(), HEAD);
    }

    /**
     * {@link #label} with a shortcut for one sigmoid class (the lung head): the sigmoid is monotonic, so a logit
     * clearly above or below {@code logit(threshold)} decides without {@code exp}; within {@value #MARGIN} of it (and
     * for thresholds near 0 or 1) the exact formula decides. Same labels as {@link #label}.
     */
    record Labeller(Activation activation, double threshold, double cut) {
        static final double MARGIN = 1e-6;

        Labeller(Activation activation, double threshold) {
            this(activation, threshold, activation == Activation.SIGMOID && threshold >= 1e-3 && threshold <= 1 - 1e-3
                    ? Math.log(threshold / (1 - threshold)) : Double.NaN);
        }

        int label(double[] z) {
            if (z.length == 1 && !Double.isNaN(cut) && !Double.isNaN(z[0])) {
                if (z[0] > cut + MARGIN) {
                    return 1;
                }
                if (z[0] < cut - MARGIN) {
                    return 0;
                }
            }
            return Segmenter.label(z, activation, threshold);
        }
    }

    /** 1 + the most probable class when its probability reaches {@code threshold}, else 0. */
    static int label(double[] logits, Activation activation, double threshold) {
        int best = 0;
        for (int c = 1; c < logits.length; c++) {
            if (logits[c] > logits[best]) {
                best = c;
            }
        }
        double p;
        if (activation == Activation.SIGMOID) {
            p = 1 / (1 + Math.exp(-logits[best]));
        } else {
            double sum = 0;
            for (double l : logits) {
                sum += Math.exp(l - logits[best]);
            }
            p = 1 / sum;
        }
        return p >= threshold ? best + 1 : 0;
    }
}
