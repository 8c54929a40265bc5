package org.radlens.fiji.commands;

import ij.IJ;
import ij.Prefs;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import ij.text.TextWindow;
import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.radlens.fiji.Commands;
import org.radlens.fiji.Dialogs;
import org.radlens.fiji.ModelCard;
import org.radlens.fiji.ModelSession;
import org.radlens.fiji.UserError;

/**
 * Plugins › RadLens › Model…: chooses the model package (folder or zip; remembered in ImageJ's preferences) and
 * shows its card (a text window, or the Log in batch mode). An empty path keeps the current package.
 * Macro: {@code run("Model...", "package=/models/radlens-default");}; the card as text: {@link #currentCard()}.
 */
public final class ModelCommand implements PlugIn {
    public static final String TITLE = "Model";

    public record Params(String packagePath) {
    }

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog("RadLens " + TITLE);
        Dialogs.addPath(gd, "package", Prefs.get(ModelSession.PREF_KEY, ""), true);
        gd.addMessage("A model package folder or zip (radlens-model.json inside). Empty: the current/default one.");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        Params p = new Params(gd.getNextString().trim());
        Commands.run(TITLE, () -> show(execute(p, ModelSession.shared())));
    }

    /** Loads the chosen package (the old one stays on failure) and returns its card text. */
    public static String execute(Params p, ModelSession session) throws Exception {
        if (p.packagePath() != null && !p.packagePath().isBlank()) {
            Path pkg = Path.of(p.packagePath());
            if (!Files.exists(pkg)) {
                throw new UserError(pkg + " does not exist: choose a model package folder or zip.");
            }
            session.use(pkg);
            Prefs.set(ModelSession.PREF_KEY, pkg.toAbsolutePath().toString());
        }
        try (ModelSession.Lease lease = session.acquire()) {
            return ModelCard.text(lease.model(), session.packagePath());
        }
    }

    /**
     * The current model's card for macros, which cannot read the Log in batch mode:
     * {@code card = call("org.radlens.fiji.commands.ModelCommand.currentCard");}. Empty (and an error shown) when the
     * model does not load.
     */
    public static String currentCard() {
        String[] card = {""};
        Commands.run(TITLE, () -> card[0] = execute(new Params(""), ModelSession.shared()));
        return card[0];
    }

    private static void show(String card) {
        if (GraphicsEnvironment.isHeadless() || Interpreter.isBatchMode()) {
            IJ.log(card);
        } else {
            new TextWindow("RadLens Model Card", card, 640, 480);
        }
    }
}
