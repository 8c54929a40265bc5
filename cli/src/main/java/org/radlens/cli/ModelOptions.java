package org.radlens.cli;

import org.radlens.dicomio.scope.ScopeGate;
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

    @Option(names = "--modality", paramLabel = "M", split = ",",
            description = "DICOM modalities a 2D image may have (default: CR,DX; OT may be added); other DICOM "
                    + "images are refused. Volumes (folders, NIfTI, multi-frame CT/MR) take the volume path.")
    java.util.List<String> modalities = new java.util.ArrayList<>(ScopeGate.DEFAULT_MODALITIES);

    /** The input gate of {@code model} and {@code --modality}; a bad value is a usage error (exit 2). */
    ImageBatch.Gate gate(RadLensModel model, picocli.CommandLine.Model.CommandSpec spec) {
        try {
            return new ImageBatch.Gate(model, new ScopeGate(modalities));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** A text table (columns after "image": {@code header}) or, with {@code --json}, a JSON array, to the streams. */
    ImageBatch.Output output(java.util.List<String> header, picocli.CommandLine.Model.CommandSpec spec) {
        return new ImageBatch.Output(json, header, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Opens the chosen package (the caller closes it). */
    RadLensModel open() throws ModelLoadException {
        return RadLensModel.open(model != null ? model : DefaultModel.locate());
    }
}
