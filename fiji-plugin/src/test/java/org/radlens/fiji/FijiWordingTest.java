package org.radlens.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.InputFacts;
import org.radlens.dicomio.scope.Scope;
import org.radlens.dicomio.scope.ScopeGate;
import org.radlens.fiji.commands.BatchScoreCommand;
import org.radlens.fiji.commands.ClassifyCommand;
import org.radlens.fiji.commands.OpenImageCommand;
import org.radlens.models.DefaultModel;
import org.radlens.models.ModelLoadException;

/** No message of the plugin names a command-line flag: its own strings, and shared messages put in Fiji's words. */
class FijiWordingTest {
    private static final Path SOURCES = Path.of("src/main/java").toAbsolutePath();
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    @Test
    void noStringLiteralInThePluginNamesACommandLineFlag() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.getFileName().toString().equals("FijiWording.java")) {
                    continue; // its patterns name the flags they remove
                }
                Matcher m = STRING_LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    if (FijiWording.namesCliFlag(m.group(1)) || m.group(1).contains("radlens ")) {
                        found.add(SOURCES.relativize(f) + ": " + m.group());
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "CLI wording in Fiji strings: " + found);
    }

    @Test
    void theSharedNoModelMessageSaysModelInsteadOfPassModel(@TempDir Path dir) throws Exception {
        Method locate = DefaultModel.class.getDeclaredMethod("locate", Map.class, Path.class, String.class);
        locate.setAccessible(true);
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> locate.invoke(null, Map.of(), dir, dir.toString()));
        ModelLoadException e = (ModelLoadException) thrown.getCause();
        assertTrue(e.getMessage().contains("--model"), "the CLI keeps its wording: " + e.getMessage());
        String fiji = Commands.message(e);
        assertFalse(FijiWording.namesCliFlag(fiji), fiji);
        assertTrue(fiji.contains("(choose a package with " + Commands.MENU + "Model\u2026)"), fiji);
    }

    @Test
    void gateMessagesPointToTheVolumeCommandsAndNeverToFlags() throws Exception {
        Scope ct = ScopeGate.chestRadiographs().check(InputFacts.dicom("CT", "", "", "", 1), "ct.dcm");
        assertTrue(ct.message().contains("radlens classify"), ct.message());
        assertEquals("ct.dcm has Modality CT, not a chest radiograph (CR/DX): open the whole CT series (its folder, "
                + "or a NIfTI file) with " + Commands.MENU + "Open DICOM/NIfTI\u2026 and use " + Commands.MENU
                + "Classify Volume or " + Commands.MENU + "Ground in Volume", FijiWording.of(ct.message()));
        Scope ot = ScopeGate.chestRadiographs().check(InputFacts.dicom("OT", "", "", "", 1), "ot.dcm");
        assertTrue(ot.message().contains("--modality"), ot.message());
        assertFalse(FijiWording.namesCliFlag(FijiWording.of(ot.message())), FijiWording.of(ot.message()));
        assertEquals("see the note (kept).", FijiWording.of("see the note (kept) (or use --other-flag X)."));
        ImagePlus imp = OpenImageCommand.open(Fixtures.CT_DICOM);
        UserError e = assertThrows(UserError.class,
                () -> ClassifyCommand.execute(imp, new ClassifyCommand.Params("", false), Fixtures.session()));
        assertFalse(FijiWording.namesCliFlag(e.getMessage()) || e.getMessage().contains("radlens "), e.getMessage());
    }

    @Test
    void batchNotesAreInFijiWords(@TempDir Path dir) throws Exception {
        for (BatchScorer.Row r : BatchScoreCommand.execute(new BatchScoreCommand.Params(
                Fixtures.IO_FIXTURES.toString(), dir.resolve("scores.csv").toString()), Fixtures.session())) {
            String text = r.note() + " " + r.error();
            assertFalse(FijiWording.namesCliFlag(text) || text.contains("radlens "), r.file() + ": " + text);
        }
    }
}
