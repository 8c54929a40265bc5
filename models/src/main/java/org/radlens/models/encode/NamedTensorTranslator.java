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

/** Feeds ONNX inputs by their raw names and returns every output by name, copied to Java arrays. */
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

    @Override
    public NDList processInput(TranslatorContext ctx, Tensors input) {
        NDManager m = ctx.getNDManager();
        NDList list = new NDList();
        for (Map.Entry<String, Tensor> e : input.byName().entrySet()) {
            Tensor t = e.getValue();
            NDArray a = t.floats() != null
                    ? m.create(FloatBuffer.wrap(t.floats()), new Shape(t.shape()), DataType.FLOAT32)
                    : m.create(LongBuffer.wrap(t.longs()), new Shape(t.shape()), DataType.INT64);
            a.setName(e.getKey());
            list.add(a);
        }
        return list;
    }

    @Override
    public Tensors processOutput(TranslatorContext ctx, NDList list) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (NDArray a : list) {
            long[] shape = a.getShape().getShape();
            NDArray f = a.getDataType() == DataType.FLOAT32 ? a : a.toType(DataType.FLOAT32, false);
            out.put(a.getName(), Tensor.of(f.toFloatArray(), shape));
        }
        return new Tensors(out);
    }
}
