package org.radlens.validation.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Precomputed zero-shot scores: a CSV with an image column (the same strings as the manifest's image column, or
 * paths relative to the scores file) and one numeric column per class. Lets users evaluate any model's outputs.
 *
 * <pre>{@code
 * image,normal,pneumonia
 * images/a.jpg,0.91,0.09
 * }</pre>
 */
public final class CsvScoreSource implements ScoreSource {
    private final Map<Path, Map<String, Double>> byImage = new HashMap<>();
    private final ModelInfo model;

    private CsvScoreSource(ModelInfo model) {
        this.model = model;
    }

    /** Reads the scores file; every non-image column must be numeric. */
    public static CsvScoreSource read(Path file, String imageColumn) throws IOException, ManifestException {
        Manifest m = Manifest.read(file);
        m.requireColumns(imageColumn);
        CsvScoreSource s = new CsvScoreSource(new ModelInfo(file.getFileName().toString(), m.sha256()));
        List<String> problems = new ArrayList<>();
        for (Manifest.Row r : m.rows()) {
            Map<String, Double> v = new LinkedHashMap<>();
            for (String c : m.header()) {
                if (!c.equals(imageColumn)) {
                    v.put(c, parse(r, c, problems));
                }
            }
            s.byImage.put(m.resolve(r.get(imageColumn)), v);
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(file + ": scores must be finite numbers", problems);
        }
        return s;
    }

    private static Double parse(Manifest.Row r, String column, List<String> problems) {
        String t = r.get(column).trim();
        try {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below with the row
        }
        problems.add("line " + r.line() + ": " + column + " = '" + t + "' is not a finite number");
        return null;
    }

    @Override
    public Map<String, Double> scores(Path image, List<ClassPrompts> classes) throws SourceException {
        Map<String, Double> row = byImage.get(image.toAbsolutePath().normalize());
        if (row == null) {
            throw new SourceException("no scores for " + image);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (ClassPrompts c : classes) {
            Double v = row.get(c.name());
            if (v == null) {
                throw new SourceException("scores file has no column for class '" + c.name() + "'");
            }
            out.put(c.name(), v);
        }
        return out;
    }

    @Override
    public ModelInfo model() {
        return model;
    }
}
