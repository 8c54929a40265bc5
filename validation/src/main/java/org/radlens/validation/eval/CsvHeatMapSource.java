package org.radlens.validation.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.radlens.volume3d.Image2D;

/**
 * Precomputed heat maps: a CSV with columns {@code image}, {@code query}, {@code heatmap} (a grey PNG on the image's
 * pixel grid, read raw by {@link ImageIoFiles#readMap}); paths relative to the CSV's folder.
 */
public final class CsvHeatMapSource implements HeatMapSource {
    private final Map<String, Path> maps = new HashMap<>();
    private final ModelInfo model;

    private CsvHeatMapSource(ModelInfo model) {
        this.model = model;
    }

    public static CsvHeatMapSource read(Path file) throws IOException, ManifestException {
        Manifest m = Manifest.read(file);
        m.requireColumns("image", "query", "heatmap");
        m.requireFiles("heatmap");
        CsvHeatMapSource s = new CsvHeatMapSource(new ModelInfo(file.getFileName().toString(), m.sha256()));
        for (Manifest.Row r : m.rows()) {
            s.maps.put(key(m.resolve(r.get("image")), r.get("query")), m.resolve(r.get("heatmap")));
        }
        return s;
    }

    private static String key(Path image, String query) {
        return image.toAbsolutePath().normalize() + "\u0000" + query;
    }

    @Override
    public Image2D heatMap(Path image, String query) throws SourceException {
        Path p = maps.get(key(image, query));
        if (p == null) {
            throw new SourceException("no heat map for " + image + " / '" + query + "'");
        }
        try {
            return ImageIoFiles.readMap(p);
        } catch (IOException e) {
            throw new SourceException("cannot read heat map " + p, e);
        }
    }

    @Override
    public ModelInfo model() {
        return model;
    }
}
