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

/** One ONNX file loaded in DJL's OnnxRuntime engine, with a predictor pool; thread-safe. */
final class OnnxSession implements AutoCloseable {
    /** The DJL engine name every package uses. */
    static final String ENGINE = "OnnxRuntime";

    private final String fileName;
    private final PredictorPool<Tensors, Tensors> pool;
    private final List<String> inputNames;

    private OnnxSession(String fileName, ZooModel<Tensors, Tensors> model) {
        this.fileName = fileName;
        this.pool = new PredictorPool<>(model);
        this.inputNames = new ArrayList<>(model.describeInput().keys());
    }

    /** Loads {@code file}; {@code intraOpThreads} ≤ 0 leaves ONNX Runtime's default. */
    static OnnxSession load(Path file, int intraOpThreads) throws ModelLoadException {
        String name = file.getFileName().toString();
        Criteria.Builder<Tensors, Tensors> b = Criteria.builder()
                .setTypes(Tensors.class, Tensors.class)
                .optModelPath(file.getParent())
                .optModelName(modelName(name))
                .optEngine(ENGINE)
                .optTranslator(new NamedTensorTranslator());
        if (intraOpThreads > 0) {
            b.optOption("intraOpNumThreads", Integer.toString(intraOpThreads))
                    .optOption("interOpNumThreads", "1");
        }
        try {
            return new OnnxSession(name, b.build().loadModel());
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new ModelLoadException(name + ": cannot load in ONNX Runtime: " + e.getMessage(), e);
        }
    }

    /** DJL finds {@code <name>.onnx} in the model folder; give it the file name without that extension. */
    private static String modelName(String fileName) {
        return fileName.endsWith(".onnx") ? fileName.substring(0, fileName.length() - 5) : fileName;
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
