package org.radlens.validation.suite;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The suites shipped with RadLens ({@code suites/index.txt} on the class path) and suite files given by path.
 *
 * <pre>{@code
 * SuiteDefinition d = Suites.load("kermany-zeroshot");
 * }</pre>
 */
public final class Suites {
    private static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();
    private static final Set<String> TASKS = Set.of("zeroshot", "grounding", "segmentation", "retrieval");

    private Suites() {
    }

    /** Names of the built-in suites. */
    public static List<String> names() throws IOException {
        try (InputStream in = resource("index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }
    }

    /** A built-in suite by name, or a suite file when {@code nameOrPath} ends in {@code .json}. */
    public static SuiteDefinition load(String nameOrPath) throws IOException {
        if (nameOrPath.endsWith(".json")) {
            try (Reader r = Files.newBufferedReader(Path.of(nameOrPath), StandardCharsets.UTF_8)) {
                return parse(r, nameOrPath);
            }
        }
        if (!names().contains(nameOrPath)) {
            throw new IOException("unknown suite '" + nameOrPath + "'; built-in suites: " + names());
        }
        try (Reader r = new InputStreamReader(resource(nameOrPath + ".json"), StandardCharsets.UTF_8)) {
            return parse(r, nameOrPath);
        }
    }

    static SuiteDefinition parse(Reader r, String what) throws IOException {
        SuiteDefinition d;
        try {
            d = GSON.fromJson(r, SuiteDefinition.class);
        } catch (JsonParseException e) {
            throw new IOException("suite " + what + " is not valid JSON", e);
        }
        if (d == null || d.name() == null || d.manifest() == null || !TASKS.contains(d.task())
                || d.columns().isEmpty()) {
            throw new IOException("suite " + what + " needs name, task (one of " + TASKS + "), manifest and columns");
        }
        return d;
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = Suites.class.getResourceAsStream("/suites/" + file);
        if (in == null) {
            throw new IOException("suite resource /suites/" + file + " missing from the class path");
        }
        return in;
    }
}
