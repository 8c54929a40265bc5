package org.radlens.fiji;

import ij.Macro;
import ij.gui.GenericDialog;
import java.awt.GraphicsEnvironment;

/** Dialog fields shared by the commands. */
public final class Dialogs {
    private Dialogs() {
    }

    /**
     * A path field: with a Browse button when a person fills the dialog, a plain string field when a macro gives the
     * options (ij1-patcher's headless dialog knows only plain fields). Both record as {@code label=[path]}.
     */
    public static void addPath(GenericDialog gd, String label, String defaultPath, boolean folder) {
        boolean interactive = Macro.getOptions() == null && !GraphicsEnvironment.isHeadless();
        if (interactive && folder) {
            gd.addDirectoryField(label, defaultPath, 50);
        } else if (interactive) {
            gd.addFileField(label, defaultPath, 50);
        } else {
            gd.addStringField(label, defaultPath, 50);
        }
    }
}
