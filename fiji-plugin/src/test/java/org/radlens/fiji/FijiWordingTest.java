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
import org.radlens.dicomio.ImageFormat;
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
        String unknown = "see the note (kept) (or use --other-flag X).";
        assertEquals(unknown, FijiWording.of(unknown), "nothing is cut out of a message without a rewrite");
        ImagePlus imp = OpenImageCommand.open(Fixtures.CT_DICOM);
        UserError e = assertThrows(UserError.class,
                () -> ClassifyCommand.execute(imp, new ClassifyCommand.Params("", false), Fixtures.session()));
        assertFalse(FijiWording.namesCliFlag(e.getMessage()) || e.getMessage().contains("radlens "), e.getMessage());
    }

    @Test
    void everyGateMessageAFijiCommandCanShowKeepsItsMeaningInFijiWords() {
        ScopeGate gate = ScopeGate.chestRadiographs();
        for (String modality : List.of("CT", "MR", "PT", "NM")) {
            String fiji = FijiWording.of(gate.check(InputFacts.dicom(modality, "", "", "", 1), "x.dcm").message());
            assertEquals("x.dcm has Modality " + modality + ", not a chest radiograph (CR/DX): open the whole "
                    + modality + " series (its folder, or a NIfTI file) with " + Commands.MENU + "Open DICOM/NIfTI"
                    + "\u2026 and use " + Commands.MENU + "Classify Volume or " + Commands.MENU + "Ground in Volume",
                    fiji);
        }
        assertEquals("ct.nii is a volume (NIfTI file or DICOM series folder), not a chest radiograph: open it with "
                + Commands.MENU + "Open DICOM/NIfTI\u2026 and use " + Commands.MENU + "Classify Volume or "
                + Commands.MENU + "Ground in Volume",
                FijiWording.of(gate.check(InputFacts.of(ImageFormat.NIFTI), "ct.nii").message()));
        assertEquals("ot.dcm has Modality OT: not known to be a radiograph (scored anyway: check that it is a chest "
                + "radiograph)", FijiWording.of(gate.check(InputFacts.dicom("OT", "", "", "", 1), "ot.dcm")
                .message()));
        Scope leftOut = new ScopeGate(List.of("CR")).check(InputFacts.dicom("DX", "", "", "", 1), "dx.dcm");
        assertEquals("dx.dcm has Modality DX, which the chest X-ray commands do not score",
                FijiWording.of(leftOut.message()));
    }

    /**
     * Every string in the main sources of the RadLens modules the plugin depends on (from the poms, transitively)
     * that names a command-line flag or a {@code radlens} subcommand is either put in Fiji's words by a
     * {@link FijiWording} rewrite (checked above on the real messages) or never shown by a Fiji command. A new one
     * fails here until it gets a rewrite or a reason.
     */
    @Test
    void everyLibraryStringThatSpeaksTheCommandLineIsKnown() throws IOException {
        Map<String, String> known = Map.of(
                "DefaultModel.java: \" does not exist (pass --model PKG)\"", "rewrite: Model\u2026",
                "ScopeGate.java: \"DICOM series folder), not a chest radiograph: run radlens classify, ground or "
                        + "segment on it, \"", "rewrite: Open DICOM/NIfTI\u2026 and the volume commands",
                "ScopeGate.java: \"or a NIfTI file) to radlens classify, ground or segment, which read volumes\"",
                "rewrite: Open DICOM/NIfTI\u2026 and the volume commands",
                "ScopeGate.java: \": not known to be a radiograph (add OT to --modality to accept such files)\"",
                "rewrite: scored anyway",
                "ScopeGate.java: \", which --modality \"", "rewrite: the chest X-ray commands do not score",
                "ScopeGate.java: \"--modality \"", "ScopeGate(modalities): Fiji uses ScopeGate.chestRadiographs()",
                "ScopeGate.java: \"NIfTI file to radlens classify, ground or segment, which read volumes\"",
                "ScopeGate(modalities): Fiji uses ScopeGate.chestRadiographs()",
                "ScopeGate.java: \"--modality: name at least one of \"",
                "ScopeGate(modalities): Fiji uses ScopeGate.chestRadiographs()");
        List<String> found = new ArrayList<>();
        for (String module : libraryModules()) {
            found.addAll(commandLineStrings(Fixtures.ROOT.resolve(module).resolve("src/main/java")));
        }
        List<String> unknown = found.stream().filter(f -> !known.containsKey(f)).toList();
        assertTrue(unknown.isEmpty(), "library strings that name a command-line flag or subcommand and that no "
                + "FijiWording rewrite covers (add one, or list the string here with why Fiji never shows it): "
                + unknown);
        assertEquals(known.keySet(), new java.util.HashSet<>(found), "stale entries in the list");
    }

    /** The RadLens modules fiji-plugin depends on, directly or through them. */
    private static List<String> libraryModules() throws IOException {
        Pattern dep = Pattern.compile("<groupId>org\\.radlens</groupId>\\s*<artifactId>([^<]+)</artifactId>");
        List<String> out = new ArrayList<>();
        List<String> todo = new ArrayList<>(List.of("fiji-plugin"));
        while (!todo.isEmpty()) {
            String module = todo.remove(0);
            Matcher m = dep.matcher(Files.readString(Fixtures.ROOT.resolve(module).resolve("pom.xml")));
            while (m.find()) {
                if (!out.contains(m.group(1)) && !m.group(1).equals("radlens-parent")) {
                    out.add(m.group(1));
                    todo.add(m.group(1));
                }
            }
        }
        assertTrue(out.containsAll(List.of("volume3d", "dicom-io", "models")), out.toString());
        return out;
    }

    private static List<String> commandLineStrings(Path sources) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String t = line.trim();
                    if (t.startsWith("*") || t.startsWith("/*") || t.startsWith("//")) {
                        continue; // comments and Javadoc talk about flags without showing them
                    }
                    Matcher m = STRING_LITERAL.matcher(line);
                    while (m.find()) {
                        if (FijiWording.namesCliFlag(m.group(1)) || m.group(1).contains("radlens ")) {
                            found.add(f.getFileName() + ": " + m.group());
                        }
                    }
                }
            }
        }
        return found;
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
