package org.radlens.models.grounding;

import org.radlens.models.InferenceException;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.encode.ImageEncoder;
import org.radlens.models.encode.PatchGrid;
import org.radlens.models.encode.PromptCache;
import org.radlens.models.encode.Stream;
import org.radlens.models.pkg.ModelManifest.PromptSets;
import org.radlens.models.preprocess.Bilinear;
import org.radlens.volume3d.Image2D;

import java.util.List;

/**
 * Grounding: the cosine of every patch token with a text query, upsampled to the model input and mapped back to the
 * original pixels ({@link HeatMap}), and boxes around regions above a threshold. A query that names an anatomy region
 * of the package ({@code prompts.anatomy}) uses that region's prompts in the anatomy stream (when the package has
 * one); a query that names a default finding uses its positive prompts; any other query is encoded as it is.
 * Thread-safe.
 *
 * <pre>{@code
 * Grounding g = model.grounder().locate(image, "right lower lobe opacity");
 * PixelBox best = g.boxes().get(0);
 * }</pre>
 */
public final class Grounder {
    /** Default box threshold: halfway between the map's minimum and maximum. */
    public static final double DEFAULT_RELATIVE_THRESHOLD = 0.5;

    private final ImageEncoder images;
    private final PromptCache prompts;
    private final PromptSets defaults;

    public Grounder(ImageEncoder images, PromptCache prompts, PromptSets defaults) {
        this.images = images;
        this.prompts = prompts;
        this.defaults = defaults;
    }

    /** The stream a query is compared in: ANATOMY for the package's anatomy names when it has that stream. */
    public Stream streamFor(String query) {
        return defaults.anatomy().containsKey(query) && images.hasStream(Stream.ANATOMY)
                ? Stream.ANATOMY : Stream.PATHOLOGY;
    }

    /** The heat map of {@code query} in its default stream. */
    public HeatMap heatMap(Image2D image, String query) throws InferenceException {
        return heatMap(images.encode(image), query, streamFor(query));
    }

    /** The heat map of {@code query} in {@code stream} over an encoded image. */
    public HeatMap heatMap(ImageEmbedding image, String query, Stream stream) throws InferenceException {
        PatchGrid grid = image.patches(stream);
        Stream used = images.hasStream(stream) ? stream : Stream.PATHOLOGY;
        float[] cos = grid.cosine(prompts.ensemble(queryPrompts(query), used));
        var t = image.transform();
        float[] full = Bilinear.toSourceGrid(cos, grid.cols(), grid.rows(), t);
        return new HeatMap(t.sourceWidth(), t.sourceHeight(), full, image.sourceGeometry(), query, used,
                grid.rows(), grid.cols(), cos);
    }

    /** Heat map and boxes at the default relative threshold. */
    public Grounding locate(Image2D image, String query) throws InferenceException {
        return locate(images.encode(image), query);
    }

    /** {@link #locate(Image2D, String)} over an image already encoded (one encoding serves several queries). */
    public Grounding locate(ImageEmbedding image, String query) throws InferenceException {
        HeatMap map = heatMap(image, query, streamFor(query));
        return boxes(map, map.relativeThreshold(DEFAULT_RELATIVE_THRESHOLD));
    }

    /** Boxes of a heat map's regions at or above {@code threshold}; regions under 0.1 % of the image are dropped. */
    public static Grounding boxes(HeatMap map, double threshold) {
        int minPixels = Math.max(1, map.width() * map.height() / 1000);
        return new Grounding(map, threshold, Boxes.fromHeatMap(map, threshold, minPixels));
    }

    /** The prompts a query stands for. */
    List<String> queryPrompts(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("empty grounding query");
        }
        if (defaults.anatomy().containsKey(query) && !defaults.anatomy().get(query).isEmpty()) {
            return defaults.anatomy().get(query);
        }
        if (defaults.findings().containsKey(query)) {
            return defaults.findings().get(query).positive();
        }
        return List.of(query);
    }
}
