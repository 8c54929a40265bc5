package org.radlens.fiji.commands;

import ij.IJ;
import ij.plugin.PlugIn;
import org.radlens.fiji.ModelSession;

/**
 * Plugins › RadLens › Release Model: frees the shared model's memory and native engine now (a running command
 * finishes first); the next command loads it again. Macro: {@code run("Release Model");}
 */
public final class ReleaseModelCommand implements PlugIn {
    public static final String TITLE = "Release Model";

    @Override
    public void run(String arg) {
        IJ.showStatus(execute(ModelSession.shared()) ? "RadLens: model released" : "RadLens: no model was loaded");
    }

    /** True when a model was open. */
    public static boolean execute(ModelSession session) {
        return session.release();
    }
}
