package org.radlens.fiji.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.fiji.Commands;
import org.radlens.fiji.Fixtures;
import org.radlens.fiji.ModelSession;
import org.radlens.models.ModelLoadException;
import org.radlens.models.RadLensModel;

class ModelCommandTest {
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
