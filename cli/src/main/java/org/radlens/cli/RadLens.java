package org.radlens.cli;

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
        EvalCommand.class,
        BenchCommand.class,
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
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
