package org.radlens.models;

import org.radlens.models.encode.EncoderOptions;
import org.radlens.models.encode.ImageEncoder;
import org.radlens.models.encode.OnnxImageEncoder;
import org.radlens.models.encode.OnnxTextEncoder;
import org.radlens.models.encode.PromptCache;
import org.radlens.models.encode.TextEncoder;
import org.radlens.models.grounding.Grounder;
import org.radlens.models.pkg.ModelManifest;
import org.radlens.models.pkg.ModelPackage;
import org.radlens.models.segmentation.Segmenter;
import org.radlens.models.volume.VolumeEncoder;
import org.radlens.models.volume.VolumeGrounder;
import org.radlens.models.volume.VolumeSegmenter;
import org.radlens.models.zeroshot.ZeroShotClassifier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import org.radlens.models.gate.EmbeddingGate;
import org.radlens.models.gate.EmbeddingGateFile;

/**
 * A loaded model package and the services over it: encoders, zero-shot classifier, grounder, segmenter. Thread-safe;
 * the owner closes it (a Fiji service's {@code dispose()}, the CLI's {@code main}), which frees the engine, the
 * tokenizer and an unpacked zip's temporary folder. Never keep one in a {@code static}.
 *
 * <pre>{@code
 * try (RadLensModel model = RadLensModel.open(DefaultModel.locate())) {
 *     List<FindingScore> scores = model.classifier().classify(image);
 *     Grounding where = model.grounder().locate(image, "pneumonia");
 *     LabelMask lungs = model.segmenter().segment(image);
 * }
 * }</pre>
 */
public final class RadLensModel implements AutoCloseable {
    private static final int PROMPT_CACHE_CAPACITY = 10_000;

    private final ModelPackage pkg;
    private final OnnxImageEncoder images;
    private final OnnxTextEncoder texts;
    private final ZeroShotClassifier classifier;
    private final Grounder grounder;
    private final Segmenter segmenter;
    private final VolumeEncoder volumeEncoder;
    private final Optional<EmbeddingGate> inputGate;

    private RadLensModel(ModelPackage pkg, OnnxImageEncoder images, OnnxTextEncoder texts,
                         Optional<EmbeddingGate> inputGate) {
        this.pkg = pkg;
        this.inputGate = inputGate;
        this.images = images;
        this.texts = texts;
        ModelManifest m = pkg.manifest();
        PromptCache cache = new PromptCache(texts, PROMPT_CACHE_CAPACITY);
        this.classifier = new ZeroShotClassifier(images, cache, m.prompts().findings(), m.logitScale());
        this.grounder = new Grounder(images, cache, m.prompts());
        this.segmenter = new Segmenter(images, m.outputs().segmentation(), grounder,
                new ArrayList<>(m.prompts().anatomy().keySet()));
        this.volumeEncoder = new VolumeEncoder(images, m.volumePooling());
    }

    /** Opens a package folder or zip with default encoder options. */
    public static RadLensModel open(Path packagePath) throws ModelLoadException {
        return open(packagePath, EncoderOptions.defaults());
    }

    /** Opens and verifies a package folder or zip, loads both encoders and dry-runs them. */
    public static RadLensModel open(Path packagePath, EncoderOptions options) throws ModelLoadException {
        ModelPackage pkg = ModelPackage.open(packagePath);
        OnnxImageEncoder images = null;
        try {
            Optional<EmbeddingGate> gate = inputGate(pkg);
            images = OnnxImageEncoder.open(pkg, options);
            OnnxTextEncoder texts = OnnxTextEncoder.open(pkg, options);
            return new RadLensModel(pkg, images, texts, gate);
        } catch (ModelLoadException | RuntimeException e) {
            if (images != null) {
                images.close();
            }
            pkg.close();
            throw e;
        }
    }

    private static Optional<EmbeddingGate> inputGate(ModelPackage pkg) throws ModelLoadException {
        Optional<String> file = pkg.manifest().inputGate();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(EmbeddingGateFile.read(pkg.file(file.get()), pkg.manifest().outputs().embeddingDim()));
    }

    public ModelManifest manifest() {
        return pkg.manifest();
    }

    public ModelPackage modelPackage() {
        return pkg;
    }

    /** The package's embedding input gate ({@code input_gate}), if it has one. */
    public Optional<EmbeddingGate> inputGate() {
        return inputGate;
    }

    public ImageEncoder imageEncoder() {
        return images;
    }

    public TextEncoder textEncoder() {
        return texts;
    }

    public ZeroShotClassifier classifier() {
        return classifier;
    }

    public Grounder grounder() {
        return grounder;
    }

    public Segmenter segmenter() {
        return segmenter;
    }

    /** Volumes through the image encoder, pooled per the package's {@code volume_pooling} (MEAN when absent). */
    public VolumeEncoder volumeEncoder() {
        return volumeEncoder;
    }

    /** Per-slice grounding stacked on a volume's voxels. */
    public VolumeGrounder volumeGrounder() {
        return new VolumeGrounder(volumeEncoder, grounder);
    }

    /** Per-slice segmentation stacked on a volume's voxels and cleaned in 3D. */
    public VolumeSegmenter volumeSegmenter() {
        return new VolumeSegmenter(volumeEncoder, segmenter);
    }

    @Override
    public void close() {
        try {
            images.close();
            texts.close();
        } finally {
            pkg.close();
        }
    }

    @Override
    public String toString() {
        return "RadLensModel[" + pkg + "]";
    }
}
