package org.radlens.cli;

import org.radlens.dicomio.ReadFailures;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code radlens} command. Subcommands are registered in {@link #SUBCOMMANDS}; each is a thin adapter over the
 * services in the library modules. Exit codes: 0 success, 1 failure of the work, 2 usage error (including an
 * input manifest that cannot be evaluated).
 */
@Command(name = "radlens", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Report-aligned chest X-ray and volume analysis: classify, ground, segment, convert, score, eval.")
public final class RadLens implements Runnable {

    /** Subcommand classes, in the order --help lists them. */
    static final Class<?>[] SUBCOMMANDS = {
        DemoCommand.class,
        InfoCommand.class,
        ConvertCommand.class,
        ClassifyCommand.class, GroundCommand.class, SegmentCommand.class,
        EvalCommand.class,
        BenchCommand.class,
        ScoreCommand.class, ListenCommand.class,
    };

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the command line with every subcommand registered. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RadLens());
        for (Class<?> sub : SUBCOMMANDS) {
            cl.addSubcommand(sub);
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true); // --pooling attention, --axis coronal (after the subcommands)
        cl.setExecutionExceptionHandler(RadLens::reportFailure);
        return cl;
    }

    /** A failed command prints one line in plain words (no stack trace, no Java class names) and exits 1. */
    private static int reportFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        cl.getErr().println(cl.getCommandName() + ": " + ReadFailures.describe(e));
        cl.getErr().flush();
        return 1;
    }

    public static void main(String[] args) {
        QuietPixelMed.install();
        System.exit(commandLine().execute(args));
    }
}
