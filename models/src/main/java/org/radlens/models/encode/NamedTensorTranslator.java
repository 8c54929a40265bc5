package org.radlens.models.encode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Feeds inputs by their raw names (or in order, for positional engines) and returns every output by name, copied to
 * Java arrays; outputs without a name are named by {@code outputOrder}.
 */
final class NamedTensorTranslator implements NoBatchifyTranslator<NamedTensorTranslator.Tensors,
        NamedTensorTranslator.Tensors> {

    /** Tensors by ONNX name (insertion-ordered). */
    record Tensors(Map<String, Tensor> byName) {
        Tensors {
            byName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byName));
        }

        Tensor get(String name) {
            return byName.get(name);
        }
    }

    private final boolean named;
    private final java.util.List<String> outputOrder;

    NamedTensorTranslator(boolean named, java.util.List<String> outputOrder) {
        this.named = named;
        this.outputOrder = java.util.List.copyOf(outputOrder);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Tensors input) {
        NDManager m = ctx.getNDManager();
        NDList list = new NDList();
        for (Map.Entry<String, Tensor> e : input.byName().entrySet()) {
            Tensor t = e.getValue();
            NDArray a = t.floats() != null
                    ? m.create(FloatBuffer.wrap(t.floats()), new Shape(t.shape()), DataType.FLOAT32)
                    : m.create(LongBuffer.wrap(t.longs()), new Shape(t.shape()), DataType.INT64);
            if (named) {
                a.setName(e.getKey());
            }
            list.add(a);
        }
        return list;
    }

    @Override
    public Tensors processOutput(TranslatorContext ctx, NDList list) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            NDArray a = list.get(i);
            long[] shape = a.getShape().getShape();
            NDArray f = a.getDataType() == DataType.FLOAT32 ? a : a.toType(DataType.FLOAT32, false);
            out.put(outputName(a, i), Tensor.of(f.toFloatArray(), shape));
        }
        return new Tensors(out);
    }

    private String outputName(NDArray a, int i) {
        if (named && a.getName() != null) {
            return a.getName();
        }
        return i < outputOrder.size() ? outputOrder.get(i) : "output" + i;
    }
}
