package org.radlens.fiji;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.radlens.models.ModelLoadException;
import org.radlens.models.RadLensModel;
import org.radlens.models.pkg.ModelManifest;

/** The card "Model…" shows: manifest summary (name, version, licence, training data, metrics) and the card file. */
public final class ModelCard {
    /** What a macro calls for the full card text. */
    public static final String CARD_MACRO_CALL = "org.radlens.fiji.commands.ModelCommand.currentCard";

    private ModelCard() {
    }

    /** Plain text of {@code model}'s card. */
    public static String text(RadLensModel model, Path source) {
        ModelManifest m = model.manifest();
        StringBuilder sb = new StringBuilder();
        sb.append("Model: ").append(m.name()).append(' ').append(m.version()).append('\n');
        sb.append("Package: ").append(source).append('\n');
        sb.append("Licence: ").append(m.license()).append('\n');
        if (!m.description().isEmpty()) {
            sb.append("Description: ").append(m.description()).append('\n');
        }
        sb.append("Input: ").append(m.image().size()).append(" px, ").append(m.image().channels())
                .append(" channel(s), intensity ").append(m.image().intensity().mode()).append('\n');
        sb.append("Findings: ").append(String.join(", ", m.prompts().findings().keySet())).append('\n');
        sb.append("Anatomy regions: ").append(String.join(", ", m.prompts().anatomy().keySet())).append('\n');
        sb.append("Segmentation: ").append(model.segmenter().hasHead() ? "head, classes " : "grounding maps, regions ")
                .append(model.segmenter().classes()).append('\n');
        for (ModelManifest.TrainingData t : m.trainingData()) {
            sb.append("Training data: ").append(t.name()).append(" (").append(t.license()).append(")\n");
        }
        for (Map.Entry<String, Double> e : new TreeMap<>(m.metrics()).entrySet()) {
            sb.append("Metric ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        if (!m.card().isEmpty()) {
            sb.append('\n').append(cardFile(model, m.card()));
        }
        return sb.toString();
    }

    /**
     * One line for the Log: name, version, package, how much the card holds and where to read it; the card itself
     * (hundreds of metric lines) never goes to the Log.
     */
    public static String summary(RadLensModel model, Path source) {
        ModelManifest m = model.manifest();
        return "RadLens Model: " + m.name() + " " + m.version() + " from " + source + " ("
                + m.prompts().findings().size() + " findings, " + m.metrics().size() + " metrics; full card: "
                + Commands.MENU + "Model\u2026 window, or call(\"" + CARD_MACRO_CALL + "\") in a macro)";
    }

    private static String cardFile(RadLensModel model, String name) {
        try {
            return Files.readString(model.modelPackage().file(name), StandardCharsets.UTF_8);
        } catch (IOException | ModelLoadException e) {
            return "(card file " + name + " could not be read: " + e.getMessage() + ")";
        }
    }
}
