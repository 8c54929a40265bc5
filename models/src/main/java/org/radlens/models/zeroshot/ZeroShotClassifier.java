package org.radlens.models.zeroshot;

import org.radlens.models.InferenceException;
import org.radlens.models.encode.Embeddings;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.encode.ImageEncoder;
import org.radlens.models.encode.PromptCache;
import org.radlens.models.encode.Stream;
import org.radlens.models.pkg.ModelManifest.FindingPrompts;
import org.radlens.volume3d.Image2D;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zero-shot classification: for each finding, the cosine of the image's global embedding with the positive and the
 * negative prompt ensembles (mean of unit prompt embeddings, re-normalised), and
 * {@code p = softmax(logit_scale·[cos_pos, cos_neg])[0]}. Thread-safe; prompt embeddings are cached.
 *
 * <pre>{@code
 * List<FindingScore> scores = model.classifier().classify(image);                     // the package's findings
 * List<FindingScore> mine = model.classifier().classify(image,
 *         Map.of("effusion", new FindingPrompts(List.of("pleural effusion"), List.of("no pleural effusion"))));
 * }</pre>
 */
public final class ZeroShotClassifier {
    private final ImageEncoder images;
    private final PromptCache prompts;
    private final Map<String, FindingPrompts> defaults;
    private final double logitScale;

    public ZeroShotClassifier(ImageEncoder images, PromptCache prompts, Map<String, FindingPrompts> defaults,
                              double logitScale) {
        this.images = images;
        this.prompts = prompts;
        this.defaults = new LinkedHashMap<>(defaults);
        this.logitScale = logitScale;
    }

    /** The package's default findings and prompts. */
    public Map<String, FindingPrompts> defaultFindings() {
        return java.util.Collections.unmodifiableMap(defaults);
    }

    /** Scores the package's default findings. */
    public List<FindingScore> classify(Image2D image) throws InferenceException {
        return classify(images.encode(image), defaults);
    }

    /** Scores exactly {@code findings} (in their iteration order). */
    public List<FindingScore> classify(Image2D image, Map<String, FindingPrompts> findings)
            throws InferenceException {
        return classify(images.encode(image), findings);
    }

    /** Scores {@code findings} on many images, encoded in engine batches; one list per image, in input order. */
    public List<List<FindingScore>> classifyAll(List<Image2D> imagesToScore, Map<String, FindingPrompts> findings)
            throws InferenceException {
        List<List<FindingScore>> out = new ArrayList<>(imagesToScore.size());
        for (ImageEmbedding e : images.encodeAll(imagesToScore)) {
            out.add(classify(e, findings));
        }
        return out;
    }

    /** Scores {@code findings} against an image already encoded. */
    public List<FindingScore> classify(ImageEmbedding image, Map<String, FindingPrompts> findings)
            throws InferenceException {
        return classify(image.embedding(), findings);
    }

    /**
     * Scores {@code findings} against any embedding in the image space, e.g. a pooled volume embedding
     * ({@code VolumeEncoder}); it is L2-normalised here.
     */
    public List<FindingScore> classify(float[] embedding, Map<String, FindingPrompts> findings)
            throws InferenceException {
        float[] img = Embeddings.normalize(embedding);
        List<FindingScore> out = new ArrayList<>(findings.size());
        for (Map.Entry<String, FindingPrompts> f : findings.entrySet()) {
            double pos = Embeddings.dot(img, prompts.ensemble(f.getValue().positive(), Stream.PATHOLOGY));
            double neg = Embeddings.dot(img, prompts.ensemble(f.getValue().negative(), Stream.PATHOLOGY));
            out.add(new FindingScore(f.getKey(), Embeddings.softmaxFirst(logitScale, pos, neg), pos, neg));
        }
        return out;
    }

    /**
     * The findings to score given user input: the defaults overlaid with {@code overrides} (a user finding replaces a
     * default of the same name, new names are added). With {@code onlyOverrides}, just the user findings.
     */
    public Map<String, FindingPrompts> withOverrides(Map<String, FindingPrompts> overrides, boolean onlyOverrides) {
        Map<String, FindingPrompts> out = onlyOverrides ? new LinkedHashMap<>() : new LinkedHashMap<>(defaults);
        out.putAll(overrides);
        return out;
    }
}
