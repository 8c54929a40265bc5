package org.radlens.cli;

import com.google.gson.JsonObject;
import org.radlens.models.ModelLoadException;
import org.radlens.models.RadLensModel;
import org.radlens.models.pkg.ModelManifest.FindingPrompts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code radlens classify}: zero-shot finding probabilities per image. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Zero-shot classification: probability of each finding from positive/negative prompt ensembles.")
final class ClassifyCommand implements Callable<Integer> {
    @Mixin
    ModelOptions options;

    @Mixin
    VolumeOptionsMixin volume;

    @Option(names = "--finding", paramLabel = "NAME", description = "Score only this package finding (repeatable).")
    List<String> findings = new ArrayList<>();

    @Option(names = "--prompt", paramLabel = "[NAME=]TEXT", description = "A positive prompt (repeatable).")
    List<String> prompts = new ArrayList<>();

    @Option(names = "--negative", paramLabel = "NAME=TEXT", description = "A negative prompt (repeatable).")
    List<String> negatives = new ArrayList<>();

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files, NIfTI volumes or DICOM series folders.")
    List<Path> images;

    @Spec
    CommandSpec spec;

    private final ImageSource source;

    ClassifyCommand() {
        this(ImageSources.standard());
    }

    ClassifyCommand(ImageSource source) {
        this.source = source;
    }

    @Override
    public Integer call() {
        try (RadLensModel model = options.open()) {
            Map<String, FindingPrompts> chosen = FindingArgs.resolve(model.classifier().defaultFindings(), findings,
                    prompts, negatives, spec);
            return ImageBatch.run(images, new ImageBatch.Job(source, options.gate(model, spec),
                    (file, image, e) -> JsonRows.findings(new JsonObject(), model.classifier().classify(e, chosen)),
                    (file, v) -> VolumeResults.classify(model, v, volume, chosen)),
                    options.output(List.of("finding", "probability", "cos_positive", "cos_negative"), spec));
        } catch (ModelLoadException e) {
            spec.commandLine().getErr().println("radlens classify: " + e.getMessage());
            return 1;
        }
    }
}
