package org.radlens.models.pkg;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parsed {@code radlens-model.json} of a model package (format {@value #FORMAT}); see {@code MODEL-PACKAGE.md} and
 * {@code schema/radlens-model.schema.json} for the meaning of each field. Immutable; built by {@link ManifestParser}.
 *
 * @param format       always {@value #FORMAT}
 * @param name         model name
 * @param version      model version
 * @param license      licence of the weights
 * @param description  free text, may be empty
 * @param card         model card file name, may be empty
 * @param trainingData data the weights were trained on
 * @param engine       DJL engine name: {@code OnnxRuntime} (ONNX files) or {@code PyTorch} (TorchScript files)
 * @param image        image input
 * @param text         text input
 * @param outputs      output tensor names and shapes
 * @param logitScale   multiplier of cosine similarities before the zero-shot softmax
 * @param prompts      default prompt sets
 * @param metrics      numeric evaluation metrics; nested objects flattened to {@code a.b}, arrays to {@code a[i]}
 * @param files        sha256 (lower-case hex) of every file of the package except the manifest
 * @param volumePooling optional {@code volume_pooling}: how slice embeddings become a volume embedding
 * @param inputGate    optional {@code input_gate}: the package file of the embedding input gate
 *                     ({@code input-gate.json}, read by {@code org.radlens.models.gate.EmbeddingGateFile})
 */
public record ModelManifest(String format, String name, String version, String license, String description,
                            String card, List<TrainingData> trainingData, String engine, ImageSpec image,
                            TextSpec text, OutputSpec outputs, double logitScale, PromptSets prompts,
                            Map<String, Double> metrics, Map<String, String> files,
                            Optional<VolumePoolingSpec> volumePooling, Optional<String> inputGate) {

    /** The only format version this runtime reads. */
    public static final String FORMAT = "radlens-model/1";

    public ModelManifest {
        trainingData = List.copyOf(trainingData);
        metrics = Map.copyOf(metrics);
        files = Map.copyOf(files);
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(volumePooling, "volumePooling");
        Objects.requireNonNull(inputGate, "inputGate");
    }

    /**
     * The optional {@code volume_pooling} section: the default pooling of slice embeddings into a volume embedding
     * ({@code mean}, {@code max} or {@code attention}) and, for attention pooling, a linear scoring vector over unit
     * slice embeddings: {@code a_s = softmax_s(w · ê_s + b)}, volume embedding {@code Σ a_s ê_s}.
     *
     * @param defaultPooling   {@code mean}, {@code max} or {@code attention}
     * @param attentionWeights {@code w}, {@code embedding_dim} values, or empty when the package has no attention
     * @param attentionBias    {@code b} (does not change the softmax; kept for exporters that write it)
     */
    public record VolumePoolingSpec(String defaultPooling, double[] attentionWeights, double attentionBias) {
        public VolumePoolingSpec {
            Objects.requireNonNull(defaultPooling, "defaultPooling");
            attentionWeights = attentionWeights.clone();
        }

        @Override
        public double[] attentionWeights() {
            return attentionWeights.clone();
        }

        /** Whether attention weights are present. */
        public boolean hasAttention() {
            return attentionWeights.length > 0;
        }
    }

    /** One training data set. */
    public record TrainingData(String name, String license, String texts) {
    }

    /** How stored intensities become {@code [0, 1]} before the letterbox. */
    public enum IntensityMode {
        /** The {@code low}-th and {@code high}-th percentiles (nearest rank) map to 0 and 1, clipped. */
        PERCENTILE,
        /** The source's default window, else percentile 0.5/99.5. */
        WINDOW,
        /** Minimum to 0, maximum to 1. */
        MINMAX
    }

    /** Intensity normalisation; {@code low}/{@code high} are percentiles (0–100), used by PERCENTILE and WINDOW. */
    public record IntensitySpec(IntensityMode mode, double low, double high) {
    }

    /**
     * Image input.
     *
     * @param file      ONNX file name
     * @param input     input tensor name
     * @param size      S, the square input side in pixels
     * @param channels  C, 1 (grey) or 3 (grey replicated)
     * @param intensity intensity normalisation
     * @param resize    {@code letterbox}
     * @param padValue  fill value in {@code [0, 1]} units
     * @param mean      per-channel mean, C values
     * @param std       per-channel standard deviation, C values, each &gt; 0
     */
    public record ImageSpec(String file, String input, int size, int channels, IntensitySpec intensity, String resize,
                            double padValue, List<Double> mean, List<Double> std) {
        public ImageSpec {
            mean = List.copyOf(mean);
            std = List.copyOf(std);
        }
    }

    /**
     * Text input.
     *
     * @param file          ONNX file name
     * @param tokenizer     Hugging Face {@code tokenizer.json} file name
     * @param maxLength     maximum token count including special tokens
     * @param inputIds      input tensor name for token ids (int64)
     * @param attentionMask input tensor name for the attention mask (int64)
     */
    public record TextSpec(String file, String tokenizer, int maxLength, String inputIds, String attentionMask) {
    }

    /** Output tensors of an extra stream (e.g. {@code anatomy}). */
    public record StreamSpec(String patchEmbeddings, String textEmbedding) {
    }

    /** Multi-label ({@code sigmoid}) or exclusive ({@code softmax}) segmentation classes. */
    public enum Activation { SIGMOID, SOFTMAX }

    /**
     * A segmentation head.
     *
     * @param file       ONNX file holding {@code output} (the image encoder or a separate {@code seg_head.onnx})
     * @param output     output tensor name, {@code [B, K, S', S']}
     * @param classes    K class names
     * @param activation per-pixel activation
     * @param threshold  probability threshold
     */
    public record SegmentationSpec(String file, String output, List<String> classes, Activation activation,
                                   double threshold) {
        public SegmentationSpec {
            classes = List.copyOf(classes);
        }
    }

    /**
     * Output tensors.
     *
     * @param embeddingDim    D
     * @param gridHeight      gh, patch rows
     * @param gridWidth       gw, patch columns
     * @param imageEmbedding  global image embedding output {@code [B, D]}
     * @param patchEmbeddings patch tokens {@code [B, gh·gw, D]} (pathology / free-text stream)
     * @param textEmbedding   text output {@code [B, D]}
     * @param streams         extra streams by name (only {@code anatomy} is used)
     * @param segmentation    optional segmentation head
     */
    public record OutputSpec(int embeddingDim, int gridHeight, int gridWidth, String imageEmbedding,
                             String patchEmbeddings, String textEmbedding, Map<String, StreamSpec> streams,
                             Optional<SegmentationSpec> segmentation) {
        public OutputSpec {
            streams = Map.copyOf(streams);
            Objects.requireNonNull(segmentation, "segmentation");
        }

        /** The anatomy stream, when the package has one. */
        public Optional<StreamSpec> anatomy() {
            return Optional.ofNullable(streams.get("anatomy"));
        }
    }

    /** Positive and negative prompts of one finding. */
    public record FindingPrompts(List<String> positive, List<String> negative) {
        public FindingPrompts {
            positive = List.copyOf(positive);
            negative = List.copyOf(negative);
            if (positive.isEmpty() || negative.isEmpty()) {
                throw new IllegalArgumentException("a finding needs at least one positive and one negative prompt: "
                        + positive + " / " + negative);
            }
        }

        /**
         * User prompts for {@code finding}: the given positives, and the given negatives or, when there are none, the
         * single negative {@code "no <finding>"} (the convention of the CLI and the evaluation adapters).
         */
        public static FindingPrompts withDefaultNegative(String finding, List<String> positive, List<String> negative) {
            return new FindingPrompts(positive, negative.isEmpty() ? List.of("no " + finding) : negative);
        }
    }

    /** Default prompt sets: findings (ordered as in the manifest) and anatomy regions. */
    public record PromptSets(Map<String, FindingPrompts> findings, Map<String, List<String>> anatomy) {
        public PromptSets {
            findings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(findings));
            java.util.Map<String, List<String>> a = new java.util.LinkedHashMap<>();
            anatomy.forEach((k, v) -> a.put(k, List.copyOf(v)));
            anatomy = java.util.Collections.unmodifiableMap(a);
        }
    }
}
