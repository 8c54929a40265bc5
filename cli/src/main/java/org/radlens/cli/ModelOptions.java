package org.radlens.cli;

import org.radlens.models.DefaultModel;
import org.radlens.models.ModelLoadException;
import org.radlens.models.RadLensModel;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by the model commands: which package, output format, where overlays go. */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "PKG",
            description = "Model package folder or zip (default: $RADLENS_MODEL, else <repo>/models/packages/default).")
    Path model;

    @Option(names = "--json", description = "Write JSON instead of a text table.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Write PNG overlays into this folder.")
    Path out;

    /** Opens the chosen package (the caller closes it). */
    RadLensModel open() throws ModelLoadException {
        return RadLensModel.open(model != null ? model : DefaultModel.locate());
    }
}
