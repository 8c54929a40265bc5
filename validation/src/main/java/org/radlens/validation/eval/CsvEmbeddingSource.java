package org.radlens.validation.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Precomputed embeddings: a CSV with columns {@code kind} ({@code image} or {@code text}), {@code key} (image path
 * relative to the CSV's folder, or the text itself) and one numeric column per dimension.
 */
public final class CsvEmbeddingSource implements EmbeddingSource {
    private final Map<String, float[]> vectors = new HashMap<>();
    private final ModelInfo model;

    private CsvEmbeddingSource(ModelInfo model) {
        this.model = model;
    }

    public static CsvEmbeddingSource read(Path file) throws IOException, ManifestException {
        Manifest m = Manifest.read(file);
        m.requireColumns("kind", "key");
        List<String> dims = m.header().stream().filter(c -> !c.equals("kind") && !c.equals("key")).toList();
        CsvEmbeddingSource s = new CsvEmbeddingSource(new ModelInfo(file.getFileName().toString(), m.sha256()));
        List<String> problems = new ArrayList<>();
        for (Manifest.Row r : m.rows()) {
            float[] v = new float[dims.size()];
            for (int i = 0; i < v.length; i++) {
                try {
                    v[i] = Float.parseFloat(r.get(dims.get(i)).trim());
                } catch (NumberFormatException e) {
                    problems.add("line " + r.line() + ": " + dims.get(i) + " = '" + r.get(dims.get(i)) + "'");
                }
            }
            String kind = r.get("kind");
            if (kind.equals("image")) {
                s.vectors.put("i\u0000" + m.resolve(r.get("key")), v);
            } else if (kind.equals("text")) {
                s.vectors.put("t\u0000" + r.get("key"), v);
            } else {
                problems.add("line " + r.line() + ": kind must be image or text, not '" + kind + "'");
            }
        }
        if (!problems.isEmpty() || dims.isEmpty()) {
            problems.add(0, dims.isEmpty() ? "no embedding columns after kind,key" : "bad values");
            throw new ManifestException(file + ": bad embeddings file", problems);
        }
        return s;
    }

    @Override
    public float[] embedImage(Path image) throws SourceException {
        return get("i\u0000" + image.toAbsolutePath().normalize(), "image " + image);
    }

    @Override
    public float[] embedText(String text) throws SourceException {
        return get("t\u0000" + text, "text '" + text + "'");
    }

    private float[] get(String key, String what) throws SourceException {
        float[] v = vectors.get(key);
        if (v == null) {
            throw new SourceException("no embedding for " + what);
        }
        return v.clone();
    }

    @Override
    public ModelInfo model() {
        return model;
    }
}
