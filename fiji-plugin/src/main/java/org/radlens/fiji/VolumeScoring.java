package org.radlens.fiji;

import ij.ImagePlus;
import ij.gui.TextRoi;
import ij.measure.ResultsTable;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.radlens.models.InferenceException;
import org.radlens.models.RadLensModel;
import org.radlens.models.encode.Embeddings;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.pkg.ModelManifest.FindingPrompts;
import org.radlens.models.volume.Pooling;
import org.radlens.models.zeroshot.FindingScore;

/**
 * Volume-level zero-shot scores from the 2D services: each slice is encoded, scored on its own, and the unit slice
 * embeddings are mean-pooled (then re-normalised by the classifier) into one volume embedding that is scored the
 * same way. A stand-in until a trained volume encoder exists; it treats slices as exchangeable.
 */
public final class VolumeScoring {
    private VolumeScoring() {
    }

    /** Scores of one slice (1-based ImageJ slice number). */
    public record SliceScores(int slice, List<FindingScore> scores) {
    }

    /** Per-slice scores and the pooled volume scores. */
    public record Result(List<SliceScores> slices, List<FindingScore> volume) {
    }

    /** Slices {@code from..to} (1-based, inclusive) every {@code step}th. */
    public static Result classify(RadLensModel model, ImagePlus imp, int from, int to, int step,
                                  Map<String, FindingPrompts> findings) throws InferenceException, Cancelled {
        List<SliceScores> slices = new ArrayList<>();
        List<float[]> units = new ArrayList<>();
        int total = (to - from) / step + 1;
        for (int z = from; z <= to; z += step) {
            Commands.step("Classify Volume", slices.size(), total);
            ImageEmbedding e = model.imageEncoder().encode(ImagePlusConversions.toImage2D(imp, z));
            units.add(Embeddings.normalize(e.embedding()));
            slices.add(new SliceScores(z, model.classifier().classify(e, findings)));
        }
        if (units.isEmpty()) {
            throw new IllegalArgumentException("no slices between " + from + " and " + to);
        }
        float[] pooled = model.volumeEncoder().pool(units, Pooling.MEAN);
        return new Result(slices, model.classifier().classify(pooled, findings));
    }

    /** Results: one row per slice and a "volume" row (a column per finding, Top); a text overlay per slice. */
    public static void show(Result r, ImagePlus imp, boolean overlays) {
        ResultsTable rt = Tables.fresh();
        List<TextRoi> labels = new ArrayList<>();
        for (SliceScores s : r.slices()) {
            row(rt, String.valueOf(s.slice()), s.scores());
            FindingScore top = top(s.scores());
            TextRoi t = new TextRoi(4, 4, String.format("%s %.2f", top.finding(), top.probability()));
            t.setStrokeColor(Color.YELLOW);
            t.setPosition(imp.getStackSize() > 1 ? s.slice() : 0);
            labels.add(t);
        }
        row(rt, "volume", r.volume());
        if (overlays) {
            Overlays.addAll(imp, labels);
        }
        Tables.show(rt);
    }

    private static void row(ResultsTable rt, String slice, List<FindingScore> scores) {
        rt.incrementCounter();
        rt.addValue("Slice", slice);
        for (FindingScore s : scores) {
            rt.addValue(s.finding(), s.probability());
        }
        rt.addValue("Top", top(scores).finding());
    }

    /** The most probable finding. */
    public static FindingScore top(List<FindingScore> scores) {
        FindingScore best = scores.get(0);
        for (FindingScore s : scores) {
            best = s.probability() > best.probability() ? s : best;
        }
        return best;
    }
}
