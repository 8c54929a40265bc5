package org.radlens.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radlens.models.InferenceException;
import org.radlens.models.ModelLoadException;
import org.radlens.models.RadLensModel;
import org.radlens.models.encode.Stream;
import org.radlens.models.grounding.HeatMap;
import org.radlens.models.pkg.ModelManifest.FindingPrompts;
import org.radlens.models.zeroshot.FindingScore;
import org.radlens.validation.eval.ClassPrompts;
import org.radlens.validation.eval.EmbeddingSource;
import org.radlens.validation.eval.HeatMapSource;
import org.radlens.validation.eval.MaskSource;
import org.radlens.validation.eval.ModelInfo;
import org.radlens.validation.eval.ScoreSource;
import org.radlens.validation.eval.SourceException;
import org.radlens.validation.metrics.BinaryMask;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.LabelMask;

/**
 * {@code radlens eval --model PKG}: the evaluation sources backed by a model package. Each source opens the package
 * once and closes it in its {@code close()}. Images are read by {@link ImageSources#read}. Zero-shot classes use the
 * manifest's prompts for findings it knows, the user's prompts when given, else "{@code <class>}" vs
 * "{@code no <class>}".
 */
final class ModelSources {
    private ModelSources() {
    }

    static ScoreSource scores(Path pkg) throws SourceException {
        return new Scores(open(pkg));
    }

    static HeatMapSource heatMaps(Path pkg) throws SourceException {
        return new HeatMaps(open(pkg));
    }

    static MaskSource masks(Path pkg) throws SourceException {
        return new Masks(open(pkg));
    }

    static EmbeddingSource embeddings(Path pkg) throws SourceException {
        return new Embeddings(open(pkg));
    }

    /** A source that owns one opened package: names it and closes it. */
    private abstract static class Owned implements AutoCloseable {
        final RadLensModel m;
        private final ModelInfo info;

        Owned(RadLensModel m) throws SourceException {
            this.m = m;
            this.info = info(m);
        }

        public ModelInfo model() {
            return info;
        }

        @Override
        public void close() {
            m.close();
        }
    }

    private static final class Scores extends Owned implements ScoreSource {
        Scores(RadLensModel m) throws SourceException {
            super(m);
        }

        @Override
        public Map<String, Double> scores(Path image, List<ClassPrompts> classes) throws SourceException {
            Map<String, FindingPrompts> findings = new LinkedHashMap<>();
            for (ClassPrompts c : classes) {
                findings.put(c.name(), prompts(m, c));
            }
            Map<String, Double> out = new LinkedHashMap<>();
            try {
                for (FindingScore s : m.classifier().classify(read(image), findings)) {
                    out.put(s.finding(), s.probability());
                }
            } catch (InferenceException e) {
                throw new SourceException("cannot score " + image + ": " + e.getMessage(), e);
            }
            return out;
        }
    }

    private static final class HeatMaps extends Owned implements HeatMapSource {
        HeatMaps(RadLensModel m) throws SourceException {
            super(m);
        }

        @Override
        public Image2D heatMap(Path image, String query) throws SourceException {
            try {
                HeatMap h = m.grounder().heatMap(read(image), query);
                return Image2D.gray(h.width(), h.height(), h.values(), h.geometry(), IntensityInfo.rawGray());
            } catch (InferenceException e) {
                throw new SourceException("cannot ground '" + query + "' on " + image + ": " + e.getMessage(), e);
            }
        }
    }

    private static final class Masks extends Owned implements MaskSource {
        Masks(RadLensModel m) throws SourceException {
            super(m);
        }

        @Override
        public BinaryMask mask(Path image, String className) throws SourceException {
            try {
                LabelMask mask = m.segmenter().segment(read(image));
                int label = className.isEmpty() ? -1 : labelOf(mask.classNames(), className);
                if (label == 0) {
                    throw new SourceException("class '" + className + "' is not one of the model's "
                            + mask.classNames());
                }
                return BinaryMask.of(mask, label);
            } catch (InferenceException e) {
                throw new SourceException("cannot segment " + image + ": " + e.getMessage(), e);
            }
        }
    }

    private static final class Embeddings extends Owned implements EmbeddingSource {
        Embeddings(RadLensModel m) throws SourceException {
            super(m);
        }

        @Override
        public float[] embedImage(Path image) throws SourceException {
            try {
                return m.imageEncoder().encode(read(image)).embedding();
            } catch (InferenceException e) {
                throw new SourceException("cannot encode " + image + ": " + e.getMessage(), e);
            }
        }

        @Override
        public float[] embedText(String text) throws SourceException {
            try {
                return m.textEncoder().encode(List.of(text)).get(0).embedding(Stream.PATHOLOGY);
            } catch (InferenceException e) {
                throw new SourceException("cannot encode text: " + e.getMessage(), e);
            }
        }
    }

    /** 1-based label of {@code name} among the model's classes, ignoring case and a plural "s"; 0 when absent. */
    static int labelOf(List<String> classes, String name) {
        String want = singular(name);
        for (int i = 0; i < classes.size(); i++) {
            if (singular(classes.get(i)).equals(want)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String singular(String s) {
        String t = s.strip().toLowerCase(java.util.Locale.ROOT);
        return t.endsWith("s") ? t.substring(0, t.length() - 1) : t;
    }

    static FindingPrompts prompts(RadLensModel m, ClassPrompts c) {
        if (c.prompts().isEmpty()) {
            FindingPrompts known = m.classifier().defaultFindings().get(c.name());
            return known != null ? known : FindingPrompts.withDefaultNegative(c.name(), List.of(c.name()), List.of());
        }
        return FindingPrompts.withDefaultNegative(c.name(), c.prompts(), c.negativePrompts());
    }

    private static RadLensModel open(Path pkg) throws SourceException {
        try {
            return RadLensModel.open(pkg);
        } catch (ModelLoadException e) {
            throw new SourceException(e.getMessage(), e);
        }
    }

    /** The report's model: name, version and {@link org.radlens.models.pkg.ModelPackage#identity()}. */
    private static ModelInfo info(RadLensModel m) {
        return new ModelInfo(m.manifest().name() + " " + m.manifest().version(), m.modelPackage().identity());
    }

    private static Image2D read(Path image) throws SourceException {
        try {
            return ImageSources.read(image);
        } catch (IOException e) {
            throw new SourceException(e.getMessage(), e);
        }
    }
}
