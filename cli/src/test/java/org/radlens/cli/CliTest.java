package org.radlens.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Base of the tests that run {@code radlens} commands in-process with standard output and error captured. */
abstract class CliTest {
    /** The tiny model package of the models module's tests. */
    static final Path TINY = Path.of("../models/src/test/resources/packages/tiny").toAbsolutePath().normalize();

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cl = RadLens.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }
}
