package org.radlens.models.encode;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import org.radlens.models.InferenceException;
import org.radlens.models.ModelLoadException;
import org.radlens.models.encode.NamedTensorTranslator.Tensors;
import org.radlens.models.pkg.ModelManifest.OutputSpec;
import org.radlens.models.pkg.ModelManifest.TextSpec;
import org.radlens.models.pkg.ModelPackage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link TextEncoder} over the package's {@code text_encoder.onnx} (or TorchScript in the PyTorch engine) and
 * {@code tokenizer.json} (DJL tokenizers, loaded from the file, never from a hub). Opening runs a dry batch and refuses tensor names or shapes that disagree with the
 * manifest.
 */
public final class OnnxTextEncoder implements TextEncoder {
    private final TextSpec spec;
    private final OutputSpec outputs;
    private final EngineSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final long padId;
    private final int batchSize;

    private OnnxTextEncoder(TextSpec spec, OutputSpec outputs, EngineSession session, HuggingFaceTokenizer tokenizer,
                            long padId, int batchSize) {
        this.spec = spec;
        this.outputs = outputs;
        this.session = session;
        this.tokenizer = tokenizer;
        this.padId = padId;
        this.batchSize = batchSize;
    }

    /** Loads and checks the text encoder and tokenizer of an opened package. */
    public static OnnxTextEncoder open(ModelPackage pkg, EncoderOptions options) throws ModelLoadException {
        TextSpec spec = pkg.manifest().text();
        Path tokFile = pkg.file(spec.tokenizer());
        long padId = TokenizerFiles.padId(tokFile);
        HuggingFaceTokenizer tok;
        try {
            tok = HuggingFaceTokenizer.newInstance(tokFile, Map.of("padding", "false", "truncation", "true",
                    "maxLength", Integer.toString(spec.maxLength()), "addSpecialTokens", "true"));
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(spec.tokenizer() + ": cannot load tokenizer: " + e.getMessage(), e);
        }
        EngineSession session = null;
        try {
            session = EngineSession.load(pkg.file(spec.file()), pkg.manifest().engine(), options.intraOpThreads(),
                    outputNames(pkg.manifest().outputs()));
            checkInputs(session, spec);
            OnnxTextEncoder enc = new OnnxTextEncoder(spec, pkg.manifest().outputs(), session, tok, padId,
                    options.textBatchSize());
            enc.dryRun();
            return enc;
        } catch (ModelLoadException | RuntimeException e) {
            tok.close();
            if (session != null) {
                session.close();
            }
            throw e;
        }
    }

    @Override
    public List<TextEmbedding> encode(List<String> texts) throws InferenceException {
        List<TextEmbedding> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            out.addAll(encodeBatch(texts.subList(from, Math.min(texts.size(), from + batchSize))));
        }
        return out;
    }

    @Override
    public long[] tokenIds(String text) {
        Encoding e = tokenizer.encode(text);
        long[] ids = e.getIds();
        return ids.length > spec.maxLength() ? Arrays.copyOf(ids, spec.maxLength()) : ids;
    }

    @Override
    public boolean hasStream(Stream stream) {
        return stream == Stream.PATHOLOGY || outputs.anatomy().isPresent();
    }

    @Override
    public void close() {
        session.close();
        tokenizer.close();
    }

    private List<TextEmbedding> encodeBatch(List<String> texts) throws InferenceException {
        Tensors out = session.run(inputs(texts));
        Optional<String> problem = problem(out, texts.size());
        if (problem.isPresent()) {
            throw new InferenceException(session.fileName() + ": " + problem.get());
        }
        int d = outputs.embeddingDim();
        List<TextEmbedding> result = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            Map<Stream, float[]> e = new EnumMap<>(Stream.class);
            e.put(Stream.PATHOLOGY, Arrays.copyOfRange(out.get(outputs.textEmbedding()).floats(), i * d, i * d + d));
            int row = i;
            outputs.anatomy().ifPresent(a -> e.put(Stream.ANATOMY,
                    Arrays.copyOfRange(out.get(a.textEmbedding()).floats(), row * d, row * d + d)));
            result.add(new TextEmbedding(texts.get(i), e));
        }
        return result;
    }

    /** int64 ids padded with the pad id to the batch's longest text, and the matching attention mask. */
    private Tensors inputs(List<String> texts) {
        List<long[]> ids = new ArrayList<>(texts.size());
        int len = 1;
        for (String t : texts) {
            long[] one = tokenIds(t);
            ids.add(one);
            len = Math.max(len, one.length);
        }
        long[] flat = new long[texts.size() * len];
        long[] mask = new long[texts.size() * len];
        Arrays.fill(flat, padId);
        for (int i = 0; i < ids.size(); i++) {
            long[] one = ids.get(i);
            System.arraycopy(one, 0, flat, i * len, one.length);
            Arrays.fill(mask, i * len, i * len + one.length, 1L);
        }
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put(spec.inputIds(), Tensor.ofLongs(flat, texts.size(), len));
        if (session.positional() || session.inputNames().contains(spec.attentionMask())) {
            in.put(spec.attentionMask(), Tensor.ofLongs(mask, texts.size(), len));
        }
        return new Tensors(in);
    }

    /** The text embedding outputs: global, then the anatomy stream's when the package has one. */
    private static List<String> outputNames(OutputSpec outputs) {
        List<String> names = new ArrayList<>(List.of(outputs.textEmbedding()));
        outputs.anatomy().ifPresent(a -> names.add(a.textEmbedding()));
        return names;
    }

    private Optional<String> problem(Tensors out, int batch) {
        long[] expected = {batch, outputs.embeddingDim()};
        for (String name : outputNames(outputs)) {
            Optional<String> p = ImageOutputs.shape(out, name, expected, " (outputs.embedding_dim)");
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private void dryRun() throws ModelLoadException {
        try {
            encodeBatch(List.of("test", "a longer test sentence"));
        } catch (InferenceException e) {
            throw new ModelLoadException(session.fileName() + ": dry run failed: " + e.getMessage(), e);
        }
    }

    private static void checkInputs(EngineSession session, TextSpec spec) throws ModelLoadException {
        if (session.positional()) {
            return;
        }
        List<String> names = session.inputNames();
        boolean ok = names.contains(spec.inputIds())
                && names.stream().allMatch(n -> n.equals(spec.inputIds()) || n.equals(spec.attentionMask()));
        if (!ok) {
            throw new ModelLoadException(session.fileName() + ": expected inputs '" + spec.inputIds() + "' and '"
                    + spec.attentionMask() + "' (text.input_ids, text.attention_mask), the model has " + names);
        }
    }
}
