package org.radlens.validation.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The realistic radiograph workload of issue 15, made by {@code validation/bench/make-workload} (full-size 12/16-bit
 * CR/DX films, uncompressed and in JPEG Lossless SV1, JPEG-LS, RLE, JPEG 2000 lossless and lossy, checked against
 * pydicom when written): its {@code manifest.json} read back. Lives outside the repository (derived from
 * research-licensed films): {@code $RADLENS_WORKLOAD}, else {@code ~/.cache/radlens/workload}.
 *
 * <pre>{@code
 * Optional<Workload> w = Workload.find(Workload.defaultFolder());
 * w.ifPresent(x -> x.byEncoding().forEach((enc, files) -> System.out.println(enc + ": " + files.size())));
 * }</pre>
 */
public final class Workload {
    /** The generator, relative to the repository root. */
    public static final String GENERATOR = "validation/bench/make-workload";

    /**
     * One file of the workload.
     *
     * @param encoding      the generator's key, e.g. {@code jpeg-lossless-sv1}, {@code uncompressed}
     * @param decodedSha256 sha256 of the stored values pydicom decoded (uint16 little endian, row-major)
     */
    public record Entry(Path file, String film, String encoding, String transferSyntax, String syntaxName, int rows,
                        int columns, int bitsStored, String photometric, long bytes, String decodedSha256) {
        /** E.g. {@code 2500x3000 12-bit}. */
        public String size() {
            return columns + "x" + rows + " " + bitsStored + "-bit";
        }
    }

    private final Path folder;
    private final List<Entry> entries;

    private Workload(Path folder, List<Entry> entries) {
        this.folder = folder;
        this.entries = List.copyOf(entries);
    }

    /** {@code $RADLENS_WORKLOAD}, else {@code ~/.cache/radlens/workload}. */
    public static Path defaultFolder() {
        String env = System.getenv("RADLENS_WORKLOAD");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "radlens", "workload");
    }

    /**
     * The workload in {@code folder}, or empty when it has no {@code manifest.json} (not generated yet).
     *
     * @throws IOException the manifest is unreadable or malformed, or names a missing file (regenerate with --force)
     */
    public static Optional<Workload> find(Path folder) throws IOException {
        Path manifest = folder.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            JsonObject m = JsonParser.parseString(Files.readString(manifest, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            List<Entry> entries = new ArrayList<>();
            for (JsonElement e : m.getAsJsonArray("files")) {
                entries.add(entry(folder, e.getAsJsonObject()));
            }
            if (entries.isEmpty()) {
                throw new IOException("workload manifest " + manifest + " lists no files");
            }
            return Optional.of(new Workload(folder, entries));
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            throw new IOException("workload manifest " + manifest + " is malformed (" + e.getMessage()
                    + "); regenerate it: " + GENERATOR + " --force", e);
        }
    }

    private static Entry entry(Path folder, JsonObject o) throws IOException {
        Path file = folder.resolve(o.get("path").getAsString());
        if (!Files.isRegularFile(file)) {
            throw new IOException("workload file " + file + " is missing; regenerate: " + GENERATOR + " --force");
        }
        return new Entry(file, o.get("film").getAsString(), o.get("encoding").getAsString(),
                o.get("transfer_syntax").getAsString(), o.get("transfer_syntax_name").getAsString(),
                o.get("rows").getAsInt(), o.get("columns").getAsInt(), o.get("bits_stored").getAsInt(),
                o.get("photometric").getAsString(), o.get("bytes").getAsLong(), o.get("decoded_sha256").getAsString());
    }

    public Path folder() {
        return folder;
    }

    /** Every file, in manifest order (film by film, uncompressed first). */
    public List<Entry> entries() {
        return entries;
    }

    /** The files grouped by encoding, in first-seen order. */
    public Map<String, List<Entry>> byEncoding() {
        Map<String, List<Entry>> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            out.computeIfAbsent(e.encoding(), k -> new ArrayList<>()).add(e);
        }
        return out;
    }
}
