package org.radlens.fiji.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.Prefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.fiji.Commands;
import org.radlens.fiji.Fixtures;
import org.radlens.fiji.ModelSession;
import org.radlens.models.ModelLoadException;
import org.radlens.models.RadLensModel;

class ModelCommandTest {
    private String savedBefore;

    @BeforeEach
    void rememberPrefs() {
        savedBefore = Prefs.get(ModelSession.PREF_KEY, "");
    }

    @AfterEach
    void restorePrefs() {
        Prefs.set(ModelSession.PREF_KEY, savedBefore);
    }

    @Test
    void theChoiceIsSavedShownAsTheDialogDefaultAndTheEnvironmentVariableComesFirst(@TempDir Path dir)
            throws Exception {
        ModelSession chooser = new ModelSession(RadLensModel::open, Map.of());
        ModelCommand.execute(new ModelCommand.Params(Fixtures.TINY_MODEL.toString()), chooser);
        assertEquals(Fixtures.TINY_MODEL.toString(), Prefs.get(ModelSession.PREF_KEY, ""));
        assertTrue(Files.readString(Path.of(Prefs.getPrefsDir(), "IJ_Prefs.txt")).contains(ModelSession.PREF_KEY),
                "written to ImageJ's preferences file now, not at quit");
        ModelSession next = new ModelSession(RadLensModel::open, Map.of());
        assertEquals(Fixtures.TINY_MODEL, next.packagePath());
        assertEquals(Fixtures.TINY_MODEL.toString(), ModelCommand.defaultChoice(next));
        Path other = Files.createDirectories(dir.resolve("other"));
        assertEquals(other, new ModelSession(RadLensModel::open, Map.of("RADLENS_MODEL", other.toString()))
                .packagePath());
    }

    @Test
    void imageJsPreferencesAreWrittenOnlyWhenTheChoiceChanges(@TempDir Path dir) throws Exception {
        Path prefsFile = Path.of(Prefs.getPrefsDir(), "IJ_Prefs.txt");
        Path other = Files.createDirectories(dir.resolve("other"));
        assertTrue(ModelSession.saveChoice(other));
        assertTrue(Files.readString(prefsFile).contains(other.toString()));
        Files.delete(prefsFile);
        assertFalse(ModelSession.saveChoice(other), "the same choice again");
        assertFalse(Files.exists(prefsFile), "nothing written for an unchanged choice");
        ModelCommand.execute(new ModelCommand.Params(Fixtures.TINY_MODEL.toString()),
                new ModelSession(RadLensModel::open, Map.of()));
        assertTrue(Files.readString(prefsFile).contains(Fixtures.TINY_MODEL.toString()), "a new choice is written");
    }

    @Test
    void aSavedPackageThatIsGoneIsNamedAndTheDialogAsksAgain(@TempDir Path dir) throws Exception {
        Path gone = dir.resolve("moved-away");
        Prefs.set(ModelSession.PREF_KEY, gone.toString());
        ModelSession session = new ModelSession(RadLensModel::open, Map.of());
        ModelSession.ChoiceGone e = assertThrows(ModelSession.ChoiceGone.class, session::acquire);
        String message = Commands.message(e);
        assertTrue(message.contains(gone + ", no longer exists") && message.contains(Commands.MENU + "Model\u2026"),
                message);
        assertEquals("", ModelCommand.defaultChoice(session));
        assertFalse(session.isLoaded());
    }

    @Test
    void showsTheCardOfTheChosenPackageAndKeepsTheOldOneWhenANewOneFails(@TempDir Path dir) throws Exception {
        AtomicInteger opened = new AtomicInteger();
        ModelSession session = new ModelSession(p -> {
            opened.incrementAndGet();
            return RadLensModel.open(p);
        });
        String card = ModelCommand.execute(new ModelCommand.Params(Fixtures.TINY_MODEL.toString()), session);
        assertTrue(card.contains("Model: ") && card.contains("Findings: "), card);
        assertEquals(Fixtures.TINY_MODEL, session.loadedPackage().orElseThrow());
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("radlens-model.json"), "{ not json");
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> ModelCommand.execute(new ModelCommand.Params(broken.toString()), session));
        assertTrue(Commands.message(e).contains("Model\u2026"), Commands.message(e));
        assertEquals(Fixtures.TINY_MODEL, session.loadedPackage().orElseThrow());
        assertTrue(ReleaseModelCommand.execute(session));
        assertFalse(session.isLoaded());
        assertFalse(ReleaseModelCommand.execute(session));
        assertEquals(2, opened.get());
    }
}
