package org.radlens.fiji.commands;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.Map;
import org.radlens.fiji.Commands;
import org.radlens.fiji.InputChecks;
import org.radlens.fiji.ModelSession;
import org.radlens.fiji.PromptSpecs;
import org.radlens.fiji.UserError;
import org.radlens.fiji.VolumeScoring;
import org.radlens.models.pkg.ModelManifest.FindingPrompts;
import org.radlens.models.zeroshot.ZeroShotClassifier;

/**
 * Plugins › RadLens › Classify Volume: zero-shot scores of the chosen slices of a stack as one volume, through the
 * models' volume encoder with the package's pooling ({@link VolumeScoring}: the numbers {@code radlens classify}
 * gives for the same volume and package), and of every chosen slice on its own. Results: one row per slice (with
 * its pooling weight) and a last row "volume", one probability column per finding; each slice gets a text overlay
 * with its top finding; the Log one line. Progress bar while slices are encoded; Esc stops.
 * Macro: {@code run("Classify Volume", "prompts=[] from=1 to=40 step=2 overlays");}
 */
public final class ClassifyVolumeCommand implements PlugIn {
    public static final String TITLE = "Classify Volume";

    /** Slices {@code from..to} (1-based; {@code to} = 0 means the last) every {@code step}th. */
    public record Params(String prompts, boolean only, int from, int to, int step, boolean overlays) {
    }

    @Override
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        GenericDialog gd = new GenericDialog("RadLens " + TITLE);
        gd.addStringField("prompts", "", 60);
        gd.addCheckbox("only these findings", false);
        gd.addNumericField("from", 1, 0);
        gd.addNumericField("to", imp == null ? 0 : imp.getStackSize(), 0);
        gd.addNumericField("step", 1, 0);
        gd.addCheckbox("overlays per slice", true);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        Params p = new Params(gd.getNextString(), gd.getNextBoolean(), (int) gd.getNextNumber(),
                (int) gd.getNextNumber(), (int) gd.getNextNumber(), gd.getNextBoolean());
        Commands.run(TITLE, () -> execute(imp, p, ModelSession.shared()));
    }

    public static VolumeScoring.Result execute(ImagePlus imp, Params p, ModelSession session) throws Exception {
        InputChecks.greyStack(imp, TITLE);
        int[] range = SliceRange.check(imp, p.from(), p.to(), p.step());
        try (ModelSession.Lease lease = session.acquire()) {
            ZeroShotClassifier c = lease.model().classifier();
            Map<String, FindingPrompts> findings = c.withOverrides(PromptSpecs.parse(p.prompts(),
                    c.defaultFindings()), p.only());
            if (findings.isEmpty()) {
                throw new UserError("No findings to score: type at least one \"finding: prompt\".");
            }
            VolumeScoring.Result r = VolumeScoring.classify(lease.model(), imp, range[0], range[1], range[2],
                    findings, TITLE);
            VolumeScoring.show(r, imp, p.overlays(), TITLE);
            return r;
        }
    }
}
