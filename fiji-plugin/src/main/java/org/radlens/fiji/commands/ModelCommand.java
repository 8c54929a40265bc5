package org.radlens.fiji.commands;

import ij.IJ;
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
import org.radlens.models.DefaultModel;

/**
 * Plugins › RadLens › Model…: chooses the model package (folder or zip; saved in ImageJ's preferences for the next
 * starts) and shows its card in a text window; the Log gets one summary line (in batch mode only that line: the full
 * card is {@link #currentCard()}). An empty path keeps the current package.
 * Macro: {@code run("Model...", "package=/models/radlens-default");}; the card as text: {@link #currentCard()}.
 */
public final class ModelCommand implements PlugIn {
    public static final String TITLE = "Model";

    public record Params(String packagePath) {
    }

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog("RadLens " + TITLE);
        Dialogs.addPath(gd, "package", defaultChoice(ModelSession.shared()), true);
        gd.addMessage("A model package folder or zip (radlens-model.json inside). Empty: the current/default one.\n"
                + "The choice is kept for the next ImageJ starts; " + DefaultModel.ENV + ", when set, comes first.");
        ModelSession.savedChoice().filter(p -> !Files.exists(p)).ifPresent(p -> gd.addMessage(
                "The package chosen last time, " + p + ", no longer exists: choose another."));
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        Params p = new Params(gd.getNextString().trim());
        Commands.run(TITLE, () -> show(describe(p, ModelSession.shared())));
    }

    /** The dialog's default: the package in use, else the saved choice when it still exists, else empty. */
    static String defaultChoice(ModelSession session) {
        return session.loadedPackage().or(ModelSession::savedChoice).filter(Files::exists)
                .map(Path::toString).orElse("");
    }

    /** The card's full text and its one-line summary for the Log. */
    public record Card(String text, String summary) {
    }

    /** Loads the chosen package (the old one stays on failure), saves the choice and returns its card text. */
    public static String execute(Params p, ModelSession session) throws Exception {
        return describe(p, session).text();
    }

    /** As {@link #execute}, with the summary line. */
    public static Card describe(Params p, ModelSession session) throws Exception {
        if (p.packagePath() != null && !p.packagePath().isBlank()) {
            Path pkg = Path.of(p.packagePath());
            if (!Files.exists(pkg)) {
                throw new UserError(pkg + " does not exist: choose a model package folder or zip.");
            }
            session.use(pkg);
            ModelSession.saveChoice(pkg);
        }
        try (ModelSession.Lease lease = session.acquire()) {
            Path source = session.packagePath();
            return new Card(ModelCard.text(lease.model(), source), ModelCard.summary(lease.model(), source));
        }
    }

    /**
     * The current model's card for macros, which cannot read the Log in batch mode:
     * {@code card = call("org.radlens.fiji.commands.ModelCommand.currentCard");} ({@link ModelCard#CARD_MACRO_CALL}). Empty (and an error shown) when the
     * model does not load.
     */
    public static String currentCard() {
        String[] card = {""};
        Commands.run(TITLE, () -> card[0] = execute(new Params(""), ModelSession.shared()));
        return card[0];
    }

    /** The Log gets one line, the summary; the full card goes to a text window (none in batch mode). */
    static void show(Card card) {
        IJ.log(card.summary());
        if (!GraphicsEnvironment.isHeadless() && !Interpreter.isBatchMode()) {
            new TextWindow("RadLens Model Card", card.text(), 640, 480);
        }
    }
}
