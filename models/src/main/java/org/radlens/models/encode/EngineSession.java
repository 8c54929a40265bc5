package org.radlens.models.encode;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import org.radlens.models.InferenceException;
import org.radlens.models.ModelLoadException;
import org.radlens.models.encode.NamedTensorTranslator.Tensors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One model file loaded in a DJL engine, with a predictor pool; thread-safe. ONNX Runtime feeds and returns tensors by
 * their ONNX names. TorchScript (engine {@code PyTorch}) is positional: inputs go in the order given, outputs are named
 * by {@code outputOrder}.
 */
final class EngineSession implements AutoCloseable {
    /** The DJL engine of ONNX packages. */
    static final String ONNX = "OnnxRuntime";
    /** The DJL engine of TorchScript packages (optional runtime dependency). */
    static final String PYTORCH = "PyTorch";

    private final String fileName;
    private final PredictorPool<Tensors, Tensors> pool;
    private final List<String> inputNames;
    private final boolean positional;

    private EngineSession(String fileName, ZooModel<Tensors, Tensors> model, boolean positional) {
        this.fileName = fileName;
        this.pool = new PredictorPool<>(model);
        this.positional = positional;
        this.inputNames = positional ? List.of() : new ArrayList<>(model.describeInput().keys());
    }

    /**
     * Loads {@code file} in {@code engine} ({@value #ONNX} or {@value #PYTORCH}); {@code intraOpThreads} ≤ 0 leaves
     * the engine's default; {@code outputOrder} names positional (TorchScript) outputs.
     */
    static EngineSession load(Path file, String engine, int intraOpThreads, List<String> outputOrder)
            throws ModelLoadException {
        String name = file.getFileName().toString();
        boolean positional = PYTORCH.equals(engine);
        if (!positional) {
            OrtNatives.prepare();
        }
        Criteria.Builder<Tensors, Tensors> b = Criteria.builder()
                .setTypes(Tensors.class, Tensors.class)
                .optModelPath(file.getParent())
                .optModelName(modelName(name))
                .optEngine(engine)
                .optTranslator(new NamedTensorTranslator(!positional, outputOrder));
        if (intraOpThreads > 0 && !positional) {
            b.optOption("intraOpNumThreads", Integer.toString(intraOpThreads))
                    .optOption("interOpNumThreads", "1");
        }
        try {
            return new EngineSession(name, b.build().loadModel(), positional);
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException | LinkageError e) {
            String what = positional ? "cannot load in PyTorch (TorchScript; is ai.djl.pytorch on the classpath?): "
                    : "cannot load in ONNX Runtime: ";
            throw new ModelLoadException(name + ": " + what + e.getMessage(), e);
        }
    }

    /** DJL finds {@code <name>.onnx} / {@code <name>.pt} in the model folder: the file name without that extension. */
    private static String modelName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot > 0 ? fileName.substring(dot) : "";
        return ext.equals(".onnx") || ext.equals(".pt") ? fileName.substring(0, dot) : fileName;
    }

    /** True for TorchScript: no input names to check, inputs fed in order, outputs named by position. */
    boolean positional() {
        return positional;
    }

    String fileName() {
        return fileName;
    }

    List<String> inputNames() {
        return List.copyOf(inputNames);
    }

    /** Runs the model on named inputs; returns every output by name. */
    Tensors run(Tensors inputs) throws InferenceException {
        Predictor<Tensors, Tensors> p = pool.borrow();
        try {
            return p.predict(inputs);
        } catch (TranslateException | RuntimeException e) {
            throw new InferenceException(fileName + ": inference failed: " + e.getMessage(), e);
        } finally {
            pool.release(p);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
