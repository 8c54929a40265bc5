package org.radlens.fiji.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package chosen with Model… in one real ImageJ (headless, ij1-patcher) is the one the next ImageJ process
 * uses (ImageJ's preferences in a fresh user.home); Model… writes exactly one Log line; a saved package that was
 * removed gives an error that names it.
 */
class ModelChoiceTest {
    private static final Path MACRO = ImageJProcesses.MACROS.resolve("model-choice.ijm");
    private static final Path TINY = ImageJProcesses.ROOT.resolve("models/src/test/resources/packages/tiny");

    @BeforeAll
    static void install() throws IOException {
        ImageJProcesses.installPlugin();
    }

    @Test
    void theChosenPackageIsRestoredInTheNextImageJAndModelWritesOneLogLine() throws Exception {
        Path out = ImageJProcesses.freshDir("model-choice");
        Path pkg = copy(TINY, out.resolve("chosen-package"));
        Path home = Files.createDirectories(out.resolve("home"));
        List<String> log = imagej(home, out, pkg.toString(), "choose", "choose.log");
        assertTrue(Files.exists(out.resolve("chosen.txt")), "Model… did not finish: " + log);
        List<String> between = log.subList(log.indexOf("<<model") + 1, log.indexOf(">>model"));
        assertEquals(1, between.size(), "Model… writes one Log line: " + between);
        assertTrue(between.get(0).startsWith("RadLens Model: ") && between.get(0).contains(pkg.toString()),
                between.get(0));
        imagej(home, out, "-", "use", "use.log");
        String card = Files.readString(out.resolve("card.txt"));
        assertTrue(card.contains("Package: " + pkg + "\n"), "a new ImageJ uses the saved choice:\n" + card);

        deleteTree(pkg);
        Files.delete(out.resolve("card.txt"));
        List<String> stale = imagej(home, out, "-", "use", "stale.log");
        assertFalse(Files.exists(out.resolve("card.txt")), "the error stops the macro: no card from a package that "
                + "is gone");
        stale = new ArrayList<>(stale);
        stale.addAll(Files.readAllLines(out.resolve("stale.log.stderr")));
        assertTrue(stale.stream().anyMatch(l -> l.contains(pkg + ", no longer exists")
                && l.contains("Model\u2026")), "the error names the missing package: " + stale);
    }

    private static List<String> imagej(Path home, Path out, String pkg, String phase, String logName)
            throws Exception {
        List<String> cmd = ImageJProcesses.java("--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Djava.awt.headless=true", "-Duser.home=" + home);
        cmd.addAll(List.of(HeadlessMacroRunner.class.getName(), ImageJProcesses.IJ_DIR.toString(), MACRO.toString(),
                out + "|" + pkg + "|" + phase));
        Path log = out.resolve(logName);
        assertEquals(0, ImageJProcesses.run(cmd, log, out.resolve(logName + ".stderr")),
                "headless ImageJ did not finish: " + log);
        return Files.readAllLines(log);
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
        return to;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : new ArrayList<>(s.sorted(java.util.Comparator.reverseOrder()).toList())) {
                Files.delete(p);
            }
        }
    }
}
