package org.radlens.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radlens.validation.eval.Manifest;
import org.radlens.validation.eval.MaskSource;
import org.radlens.validation.eval.SegmentationEvaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code radlens eval segmentation}: Dice, IoU, HD95, average surface distance. */
@Command(name = "segmentation", mixinStandardHelpOptions = true,
        description = "Segmentation over a manifest with columns image,mask[,class]; distances in mm.")
final class EvalSegmentationCommand implements Callable<Integer> {
    @Mixin
    ManifestOptions in;

    @Option(names = "--masks", description = "Precomputed masks CSV: image,mask[,class].")
    Path masks;

    @Mixin
    EvalOptions eval;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return EvalRunner.execute(() -> {
            Manifest m = Manifest.read(in.manifest);
            EvalSources src = new EvalSources(SourceOptions.of(in.model, null, null, null, masks, null), "image");
            try (MaskSource s = src.masks()) {
                return SegmentationEvaluation.run(m, s, src.maskReader(), eval.settings());
            }
        }, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
