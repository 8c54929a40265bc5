package org.radlens.models.encode;

import org.radlens.models.InferenceException;
import org.radlens.models.ModelLoadException;
import org.radlens.models.encode.NamedTensorTranslator.Tensors;
import org.radlens.models.pkg.ModelManifest.ImageSpec;
import org.radlens.models.pkg.ModelManifest.OutputSpec;
import org.radlens.models.pkg.ModelManifest.SegmentationSpec;
import org.radlens.models.pkg.ModelPackage;
import org.radlens.models.preprocess.PreparedImage;
import org.radlens.models.preprocess.Preprocessor;
import org.radlens.volume3d.Image2D;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ImageEncoder} over the package's {@code image_encoder.onnx} (and {@code seg_head.onnx} when the segmentation
 * head is a separate file) in DJL's ONNX Runtime engine, or TorchScript files in DJL's PyTorch engine for packages whose
 * {@code engine} is {@code PyTorch}. Opening runs a dry batch of one zero image and refuses the
 * package when tensor names or shapes disagree with the manifest.
 */
public final class OnnxImageEncoder implements ImageEncoder {
    private final ImageSpec spec;
    private final OutputSpec outputs;
    private final Preprocessor preprocessor;
    private final EngineSession session;
    private final EngineSession segSession; // null when the head lives in the image encoder or is absent
    private final int batchSize;

    private OnnxImageEncoder(ImageSpec spec, OutputSpec outputs, EngineSession session, EngineSession segSession,
                             int batchSize) {
        this.spec = spec;
        this.outputs = outputs;
        this.preprocessor = new Preprocessor(spec);
        this.session = session;
        this.segSession = segSession;
        this.batchSize = batchSize;
    }

    /** Loads and checks the image encoder of an opened package. */
    public static OnnxImageEncoder open(ModelPackage pkg, EncoderOptions options) throws ModelLoadException {
        ImageSpec spec = pkg.manifest().image();
        OutputSpec outputs = pkg.manifest().outputs();
        String engine = pkg.manifest().engine();
        EngineSession main = EngineSession.load(pkg.file(spec.file()), engine, options.intraOpThreads(),
                outputOrder(outputs, spec.file()));
        EngineSession seg = null;
        try {
            checkInput(main, spec.input());
            Optional<SegmentationSpec> s = outputs.segmentation();
            if (s.isPresent() && !s.get().file().equals(spec.file())) {
                seg = EngineSession.load(pkg.file(s.get().file()), engine, options.intraOpThreads(),
                        List.of(s.get().output()));
                checkInput(seg, spec.input());
            }
            OnnxImageEncoder enc = new OnnxImageEncoder(spec, outputs, main, seg, options.imageBatchSize());
            enc.dryRun();
            return enc;
        } catch (ModelLoadException | RuntimeException e) {
            main.close();
            if (seg != null) {
                seg.close();
            }
            throw e;
        }
    }

    @Override
    public List<ImageEmbedding> encodeAll(List<Image2D> images) throws InferenceException {
        List<PreparedImage> prepared = new ArrayList<>(images.size());
        for (Image2D im : images) {
            prepared.add(preprocessor.prepare(im));
        }
        return encodePrepared(prepared);
    }

    @Override
    public List<ImageEmbedding> encodePrepared(List<PreparedImage> images) throws InferenceException {
        List<ImageEmbedding> out = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += batchSize) {
            out.addAll(encodeBatch(images.subList(from, Math.min(images.size(), from + batchSize))));
        }
        return out;
    }

    @Override
    public boolean hasStream(Stream stream) {
        return stream == Stream.PATHOLOGY || outputs.anatomy().isPresent();
    }

    @Override
    public boolean hasSegmentation() {
        return outputs.segmentation().isPresent();
    }

    @Override
    public void close() {
        session.close();
        if (segSession != null) {
            segSession.close();
        }
    }

    private List<ImageEmbedding> encodeBatch(List<PreparedImage> batch) throws InferenceException {
        int s = spec.size();
        int c = spec.channels();
        float[] pixels = new float[batch.size() * c * s * s];
        for (int i = 0; i < batch.size(); i++) {
            PreparedImage p = batch.get(i);
            if (p.channels() != c || p.transform().size() != s) {
                throw new IllegalArgumentException("prepared image is " + p.channels() + "x" + p.transform().size()
                        + ", the model needs " + c + "x" + s);
            }
            System.arraycopy(p.pixels(), 0, pixels, i * c * s * s, c * s * s);
        }
        Tensors in = new Tensors(Map.of(spec.input(), Tensor.of(pixels, batch.size(), c, s, s)));
        Tensors out = session.run(in);
        Tensors segOut = segSession == null ? out : segSession.run(in);
        Optional<String> problem = ImageOutputs.problem(out, segOut, outputs, batch.size());
        if (problem.isPresent()) {
            throw new InferenceException(session.fileName() + ": " + problem.get());
        }
        List<ImageEmbedding> result = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            result.add(split(out, segOut, i, batch.get(i)));
        }
        return result;
    }

    private ImageEmbedding split(Tensors out, Tensors segOut, int i, PreparedImage p) {
        int d = outputs.embeddingDim();
        int n = outputs.gridHeight() * outputs.gridWidth();
        Map<Stream, PatchGrid> grids = new EnumMap<>(Stream.class);
        grids.put(Stream.PATHOLOGY, grid(out.get(outputs.patchEmbeddings()), i, n, d));
        outputs.anatomy().ifPresent(a -> grids.put(Stream.ANATOMY, grid(out.get(a.patchEmbeddings()), i, n, d)));
        Optional<SegLogits> seg = outputs.segmentation().map(sp -> {
            Tensor t = segOut.get(sp.output());
            int k = (int) t.shape()[1];
            int h = (int) t.shape()[2];
            int w = (int) t.shape()[3];
            return new SegLogits(k, h, w, slice(t.floats(), i, k * h * w));
        });
        return new ImageEmbedding(slice(out.get(outputs.imageEmbedding()).floats(), i, d), grids, seg,
                p.transform(), p.sourceGeometry());
    }

    private PatchGrid grid(Tensor t, int i, int n, int d) {
        return new PatchGrid(outputs.gridHeight(), outputs.gridWidth(), d, slice(t.floats(), i, n * d));
    }

    private static float[] slice(float[] all, int i, int len) {
        float[] out = new float[len];
        System.arraycopy(all, i * len, out, 0, len);
        return out;
    }

    private void dryRun() throws ModelLoadException {
        int s = spec.size();
        Tensors in = new Tensors(Map.of(spec.input(), Tensor.of(new float[spec.channels() * s * s], 1,
                spec.channels(), s, s)));
        try {
            Tensors out = session.run(in);
            Optional<String> problem = ImageOutputs.problem(out, segSession == null ? out : segSession.run(in),
                    outputs, 1);
            if (problem.isPresent()) {
                throw new ModelLoadException(session.fileName() + ": " + problem.get());
            }
        } catch (InferenceException e) {
            throw new ModelLoadException(session.fileName() + ": dry run on a " + spec.channels() + "x" + s + "x" + s
                    + " input failed: " + e.getMessage(), e);
        }
    }

    /** Output names in MODEL-PACKAGE.md order: how positional (TorchScript) outputs are named. */
    static List<String> outputOrder(OutputSpec o, String imageFile) {
        List<String> order = new ArrayList<>(List.of(o.imageEmbedding(), o.patchEmbeddings()));
        o.anatomy().ifPresent(a -> order.add(a.patchEmbeddings()));
        o.segmentation().filter(s -> s.file().equals(imageFile)).ifPresent(s -> order.add(s.output()));
        return order;
    }

    private static void checkInput(EngineSession session, String input) throws ModelLoadException {
        if (session.positional()) {
            return;
        }
        List<String> names = session.inputNames();
        if (names.size() != 1 || !names.get(0).equals(input)) {
            throw new ModelLoadException(session.fileName() + ": expected exactly one input named '" + input
                    + "' (image.input), the model has " + names);
        }
    }
}
