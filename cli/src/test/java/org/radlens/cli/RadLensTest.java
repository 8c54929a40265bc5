package org.radlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RadLensTest {
    @Test
    void everyRegisteredSubcommandIsListedInHelp() {
        StringWriter out = new StringWriter();
        CommandLine cl = RadLens.commandLine();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("--help"));
        for (Class<?> sub : RadLens.SUBCOMMANDS) {
            String name = sub.getAnnotation(CommandLine.Command.class).name();
            assertTrue(out.toString().contains("  " + name + " "), name + " missing from:\n" + out);
        }
    }

    @Test
    void versionNamesRadLensAndJava() {
        StringWriter out = new StringWriter();
        CommandLine cl = RadLens.commandLine();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("--version"));
        assertTrue(out.toString().startsWith("radlens "), out.toString());
        assertTrue(out.toString().contains("Java " + System.getProperty("java.version")), out.toString());
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        CommandLine cl = RadLens.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, cl.execute("no-such-command"));
    }

    @Test
    void enumOptionValuesAreCaseInsensitive() {
        picocli.CommandLine.ParseResult r = RadLens.commandLine().parseArgs("classify", "--pooling", "attention",
                "--axis", "coronal", "volume.nii.gz");
        org.junit.jupiter.api.Assertions.assertTrue(r.hasSubcommand());
        org.junit.jupiter.api.Assertions.assertEquals("ATTENTION",
                r.subcommand().matchedOptionValue("--pooling", null).toString());
    }
}
