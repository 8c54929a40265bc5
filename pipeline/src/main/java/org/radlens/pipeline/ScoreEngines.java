package org.radlens.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Looks up {@link ScoreEngineProvider}s on the class path; {@value #IN_PROCESS} is built in and never looked up. */
public final class ScoreEngines {
    public static final String IN_PROCESS = "inprocess";

    private ScoreEngines() {
    }

    /** The provider called {@code name}, if one is on the class path. */
    public static Optional<ScoreEngineProvider> find(String name) {
        for (ScoreEngineProvider p : ServiceLoader.load(ScoreEngineProvider.class)) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Every engine name available here, the built-in one first. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of(IN_PROCESS));
        ServiceLoader.load(ScoreEngineProvider.class).forEach(p -> names.add(p.name()));
        return names;
    }
}
