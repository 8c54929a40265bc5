package org.radlens.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.TextRoi;
import ij.measure.ResultsTable;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radlens.models.InferenceException;
import org.radlens.models.RadLensModel;
import org.radlens.models.pkg.ModelManifest.FindingPrompts;
import org.radlens.models.volume.Pooling;
import org.radlens.models.volume.VolumeEmbedding;
import org.radlens.models.volume.VolumeEncoder;
import org.radlens.models.volume.VolumeEncodingStopped;
import org.radlens.models.volume.VolumeOptions;
import org.radlens.models.zeroshot.FindingScore;
import org.radlens.volume3d.Volume;

/**
 * Volume-level zero-shot scores through the models' {@link VolumeEncoder}, as {@code radlens classify} scores a
 * volume: the chosen slices are encoded as a volume (axial slices of the stack, batches of 8, one thread —
 * {@link VolumeOptions#defaults()}, the command line's defaults), the unit slice embeddings are pooled with the
 * package's pooling ({@link VolumeEncoder#defaultPooling()}: attention when the package has attention weights,
 * else what it names, else mean) and the pooled embedding is scored. Each slice is also scored on its own unit
 * embedding, and its pooling weight is kept.
 */
public final class VolumeScoring {
    private VolumeScoring() {
    }

    /** Scores of one slice (1-based ImageJ slice number) and its weight in the pooling (NaN for MAX). */
    public record SliceScores(int slice, List<FindingScore> scores, double weight) {
    }

    /** Per-slice scores, the pooled volume scores and the pooling used. */
    public record Result(List<SliceScores> slices, List<FindingScore> volume, Pooling pooling) {
    }

    /**
     * Slices {@code from..to} (1-based, inclusive) every {@code step}th; progress and Esc through
     * {@link Commands#progress}.
     */
    public static Result classify(RadLensModel model, ImagePlus imp, int from, int to, int step,
                                  Map<String, FindingPrompts> findings, String command)
            throws InferenceException, Cancelled {
        Volume v = ImagePlusConversions.toVolume(imp, from, to, step);
        VolumeEncoder encoder = model.volumeEncoder();
        VolumeEmbedding e;
        try {
            e = encoder.encode(v, VolumeOptions.defaults(), encoder.defaultPooling(), Commands.progress(command));
        } catch (VolumeEncodingStopped stopped) {
            throw new Cancelled(command);
        }
        float[][] units = e.sliceEmbeddings();
        float[] weights = e.sliceWeights();
        List<SliceScores> slices = new ArrayList<>(units.length);
        for (int k = 0; k < units.length; k++) {
            slices.add(new SliceScores(from + k * step, model.classifier().classify(units[k], findings),
                    weights.length == 0 ? Double.NaN : weights[k]));
        }
        return new Result(slices, model.classifier().classify(e.embedding(), findings), e.pooling());
    }

    /**
     * Results: one row per slice and a "volume" row (a column per finding, Top, Weight, Pooling); a text overlay
     * per slice; one Log line.
     */
    public static void show(Result r, ImagePlus imp, boolean overlays, String command) {
        ResultsTable rt = Tables.fresh();
        List<TextRoi> labels = new ArrayList<>();
        for (SliceScores s : r.slices()) {
            row(rt, String.valueOf(s.slice()), s.scores(), s.weight(), r.pooling());
            FindingScore top = top(s.scores());
            TextRoi t = new TextRoi(4, 4, String.format(Locale.ROOT, "%s %.2f", top.finding(), top.probability()));
            t.setStrokeColor(Color.YELLOW);
            t.setPosition(imp.getStackSize() > 1 ? s.slice() : 0);
            labels.add(t);
        }
        row(rt, "volume", r.volume(), Double.NaN, r.pooling());
        if (overlays) {
            Overlays.addAll(imp, labels);
        }
        Tables.show(rt);
        FindingScore top = top(r.volume());
        IJ.log(String.format(Locale.ROOT, "RadLens %s: %d slice(s) from %d to %d, %s pooling; top %s %.4f", command,
                r.slices().size(), r.slices().get(0).slice(), r.slices().get(r.slices().size() - 1).slice(),
                name(r.pooling()), top.finding(), top.probability()));
    }

    private static void row(ResultsTable rt, String slice, List<FindingScore> scores, double weight, Pooling p) {
        rt.incrementCounter();
        rt.addValue("Slice", slice);
        for (FindingScore s : scores) {
            rt.addValue(s.finding(), s.probability());
        }
        rt.addValue("Top", top(scores).finding());
        rt.addValue("Weight", weight);
        rt.addValue("Pooling", name(p));
    }

    private static String name(Pooling p) {
        return p.name().toLowerCase(Locale.ROOT);
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
