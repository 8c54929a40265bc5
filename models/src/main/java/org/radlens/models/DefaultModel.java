package org.radlens.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the default model package is: {@code $RADLENS_MODEL} when set, else {@code models/packages/default} under
 * the RadLens checkout (found by walking up from the working directory to the folder that holds
 * {@code models/MODEL-PACKAGE.md}; the system property {@code radlens.home} names the checkout explicitly).
 *
 * <pre>{@code
 * Path pkg = DefaultModel.locate();     // throws ModelLoadException naming the places it looked
 * }</pre>
 */
public final class DefaultModel {
    /** Environment variable naming a package folder or zip. */
    public static final String ENV = "RADLENS_MODEL";
    /** The default package inside a checkout. */
    public static final String RELATIVE = "models/packages/default";

    private DefaultModel() {
    }

    /** The default package path, from the process environment and working directory. */
    public static Path locate() throws ModelLoadException {
        return locate(System.getenv(), Path.of("").toAbsolutePath(), System.getProperty("radlens.home"));
    }

    static Path locate(Map<String, String> env, Path workingDir, String home) throws ModelLoadException {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path p = Path.of(fromEnv);
            if (!Files.exists(p)) {
                throw new ModelLoadException(p + ": $" + ENV + " names a model package that does not exist");
            }
            return p;
        }
        Optional<Path> repo = home != null ? Optional.of(Path.of(home)) : findCheckout(workingDir);
        Path candidate = repo.map(r -> r.resolve(RELATIVE)).orElse(workingDir.resolve(RELATIVE));
        if (!Files.exists(candidate)) {
            throw new ModelLoadException("no model package: $" + ENV + " is not set and " + candidate
                    + " does not exist (pass --model PKG)");
        }
        return candidate;
    }

    private static Optional<Path> findCheckout(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("models/MODEL-PACKAGE.md"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
