package org.radlens.validation.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.radlens.validation.metrics.BinaryMask;

/**
 * Precomputed masks: a CSV with columns {@code image}, {@code mask} and optionally {@code class}; paths relative to
 * the CSV's folder. A mask file's non-zero pixels are the prediction (read with a {@link MaskReader}). A row without
 * a class answers for every class of its image.
 */
public final class CsvMaskSource implements MaskSource {
    private final Map<String, Path> masks = new HashMap<>();
    private final MaskReader reader;
    private final ModelInfo model;

    private CsvMaskSource(MaskReader reader, ModelInfo model) {
        this.reader = reader;
        this.model = model;
    }

    public static CsvMaskSource read(Path file, MaskReader reader) throws IOException, ManifestException {
        Manifest m = Manifest.read(file);
        m.requireColumns("image", "mask");
        m.requireFiles("mask");
        CsvMaskSource s = new CsvMaskSource(reader, new ModelInfo(file.getFileName().toString(), m.sha256()));
        for (Manifest.Row r : m.rows()) {
            s.masks.put(key(m.resolve(r.get("image")), r.get("class")), m.resolve(r.get("mask")));
        }
        return s;
    }

    private static String key(Path image, String className) {
        return image.toAbsolutePath().normalize() + "\u0000" + className;
    }

    @Override
    public BinaryMask mask(Path image, String className) throws SourceException {
        Path p = masks.getOrDefault(key(image, className), masks.get(key(image, "")));
        if (p == null) {
            throw new SourceException("no predicted mask for " + image + (className.isEmpty() ? "" : " / " + className));
        }
        try {
            return reader.read(p, -1);
        } catch (IOException e) {
            throw new SourceException("cannot read predicted mask " + p, e);
        }
    }

    @Override
    public ModelInfo model() {
        return model;
    }
}
