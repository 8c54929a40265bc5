package org.radlens.fiji.commands;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import java.util.List;
import java.util.Map;
import org.radlens.dicomio.scope.Scope;
import org.radlens.fiji.Commands;
import org.radlens.fiji.FijiWording;
import org.radlens.fiji.InputChecks;
import org.radlens.fiji.ModelSession;
import org.radlens.fiji.PromptSpecs;
import org.radlens.fiji.Tables;
import org.radlens.fiji.UserError;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.pkg.ModelManifest.FindingPrompts;
import org.radlens.models.zeroshot.FindingScore;
import org.radlens.models.zeroshot.ZeroShotClassifier;
import org.radlens.pipeline.InputGates;
import org.radlens.volume3d.Image2D;

/**
 * Plugins › RadLens › Classify Chest X-ray: zero-shot scores of the current image into the Results table (Finding,
 * Probability, Similarity, Negative similarity). Prompts are editable ({@link PromptSpecs}); with {@code only} just
 * the typed findings are scored. Macro: {@code run("Classify Chest X-ray", "prompts=[effusion: pleural effusion]");}
 */
public final class ClassifyCommand implements PlugIn {
    public static final String TITLE = "Classify Chest X-ray";

    /** @param prompts findings typed by the user (may be empty); @param only score only those */
    public record Params(String prompts, boolean only) {
    }

    @Override
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        GenericDialog gd = new GenericDialog("RadLens " + TITLE);
        gd.addStringField("prompts", "", 60);
        gd.addMessage("Empty: the package's findings. Else \"finding: positive | positive / negative; ...\"");
        gd.addCheckbox("only these findings", false);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        Params p = new Params(gd.getNextString(), gd.getNextBoolean());
        Commands.run(TITLE, () -> execute(imp, p, ModelSession.shared()));
    }

    /** Scores the current slice of {@code imp} and fills the Results table. */
    public static List<FindingScore> execute(ImagePlus imp, Params p, ModelSession session) throws Exception {
        Image2D img = InputChecks.radiograph(imp, TITLE, false); // flags logged below, in one line
        try (ModelSession.Lease lease = session.acquire()) {
            ZeroShotClassifier c = lease.model().classifier();
            Map<String, FindingPrompts> findings = c.withOverrides(PromptSpecs.parse(p.prompts(),
                    c.defaultFindings()), p.only());
            if (findings.isEmpty()) {
                throw new UserError("No findings to score: type at least one \"finding: prompt\" or untick "
                        + "\"only these findings\".");
            }
            IJ.showStatus("RadLens: classifying " + imp.getTitle() + "…");
            ImageEmbedding e = lease.model().imageEncoder().encode(img);
            Scope scope = InputGates.withEmbedding(lease.model(), InputChecks.scope(imp), e);
            List<FindingScore> scores = c.classify(e, findings);
            ResultsTable rt = Tables.fresh();
            for (FindingScore s : scores) {
                rt.incrementCounter();
                rt.addValue("Image", imp.getTitle());
                rt.addValue("Finding", s.finding());
                rt.addValue("Probability", s.probability());
                rt.addValue("Similarity", s.positiveSimilarity());
                rt.addValue("Negative similarity", s.negativeSimilarity());
                rt.addValue("Input scope", scope.label());
            }
            Tables.show(rt);
            IJ.showStatus("RadLens: " + scores.size() + " findings scored"
                    + (scope.flagged() ? " (" + scope.label() + ")" : ""));
            if (scope.flagged()) { // header and embedding-gate flags together: one Log line
                IJ.log("RadLens " + TITLE + ": " + scope.label() + ": " + FijiWording.of(scope.message()));
            }
            return scores;
        }
    }
}
