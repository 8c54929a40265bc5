package org.radlens.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radlens.validation.eval.GroundingEvaluation;
import org.radlens.validation.eval.HeatMapSource;
import org.radlens.validation.eval.Manifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code radlens eval grounding}: pointing game, IoU, Dice, CNR over boxes. */
@Command(name = "grounding", mixinStandardHelpOptions = true,
        description = "Phrase grounding over a manifest with columns image,query,x,y,w,h (pixels, top-left corner).")
final class EvalGroundingCommand implements Callable<Integer> {
    @Mixin
    ManifestOptions in;

    @Option(names = "--threshold", defaultValue = "0.5",
            description = "Threshold of the min-max scaled map for IoU/Dice (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--heatmaps", description = "Precomputed heat maps CSV: image,query,heatmap (grey PNG).")
    Path heatmaps;

    @Mixin
    EvalOptions eval;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return EvalRunner.execute(() -> {
            Manifest m = Manifest.read(in.manifest);
            SourceOptions o = SourceOptions.of(in.model, null, null, heatmaps, null, null);
            try (HeatMapSource s = new EvalSources(o, "image").heatMaps()) {
                return GroundingEvaluation.run(m, s, threshold, eval.settings());
            }
        }, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
