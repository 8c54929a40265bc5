package org.radlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single-file timing programs in {@code validation/bench/*.java} (run with {@code java -cp … File.java}, see
 * validation/README.md) still compile against the modules' current API: nothing else builds them, so a renamed class
 * would otherwise only show when somebody re-measures.
 */
class BenchProgramsTest {
    private static final Path PROGRAMS = Path.of("../validation/bench");

    @TempDir
    Path out;

    @Test
    void everyBenchProgramCompilesAgainstTheCurrentModules() throws Exception {
        List<Path> programs;
        try (Stream<Path> s = Files.list(PROGRAMS)) {
            programs = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertFalse(programs.isEmpty(), "no programs in " + PROGRAMS.toAbsolutePath());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK is needed to run the tests");
        for (Path p : programs) {
            StringWriter errors = new StringWriter();
            // the test class path (surefire's manifest jar: javac follows its Class-Path) holds every module
            boolean ok = javac.getTask(errors, null, null, List.of("-d", out.toString(), "-proc:none", "-cp",
                    System.getProperty("java.class.path")), null,
                    javac.getStandardFileManager(null, null, null).getJavaFileObjects(p)).call();
            assertEquals("", ok ? "" : errors.toString(), p + " does not compile");
        }
    }
}
