package org.radlens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code radlens eval}: evaluation over labelled manifests and built-in suites. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate predictions against a labelled CSV manifest or a built-in suite.",
        subcommands = {EvalZeroShotCommand.class, EvalGroundingCommand.class, EvalSegmentationCommand.class,
            EvalRetrievalCommand.class, EvalSuiteCommand.class, org.radlens.cli.gate.GateCalibrateCommand.class})
public final class EvalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "choose one of: zeroshot, grounding, segmentation, retrieval, suite, gate-calibrate");
    }
}
