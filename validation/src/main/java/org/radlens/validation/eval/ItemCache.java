package org.radlens.validation.eval;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-item results of a run, one JSON line each in {@code OUT/items.jsonl}, so an interrupted run resumes where it
 * stopped. The first line holds a fingerprint (task, model sha256, manifest sha256, options); a cache with another
 * fingerprint is discarded (with a warning) rather than mixed in. A truncated last line is ignored.
 */
public final class ItemCache implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(ItemCache.class);
    private final Map<String, JsonObject> items = new HashMap<>();
    private final BufferedWriter writer;
    private final int resumed;

    private ItemCache(Map<String, JsonObject> old, BufferedWriter writer) {
        this.items.putAll(old);
        this.writer = writer;
        this.resumed = old.size();
    }

    public static ItemCache open(Path out, String fingerprint) throws IOException {
        Path file = out.resolve(OutputDir.CACHE);
        Map<String, JsonObject> old = new HashMap<>();
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && fingerprint.equals(fingerprintOf(lines.get(0)))) {
                for (String l : lines.subList(1, lines.size())) {
                    parse(l).ifPresent(o -> old.put(o.get("key").getAsString(), o.getAsJsonObject("value")));
                }
            } else {
                LOG.warn("discarding {}: it belongs to another run (different model, data or options)", file);
            }
        }
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        JsonObject head = new JsonObject();
        head.addProperty("fingerprint", fingerprint);
        w.write(head + "\n");
        ItemCache cache = new ItemCache(old, w);
        for (Map.Entry<String, JsonObject> e : old.entrySet()) {
            cache.append(e.getKey(), e.getValue());
        }
        w.flush();
        return cache;
    }

    /** The cached value for {@code key}, if an earlier run computed it. */
    public Optional<JsonObject> get(String key) {
        return Optional.ofNullable(items.get(key)).map(JsonObject::deepCopy);
    }

    /** Records a value and flushes it to disk. */
    public void put(String key, JsonObject value) throws IOException {
        items.put(key, value.deepCopy());
        append(key, value);
        writer.flush();
    }

    /** How many items were loaded from an earlier run. */
    public int resumed() {
        return resumed;
    }

    private void append(String key, JsonObject value) throws IOException {
        JsonObject line = new JsonObject();
        line.addProperty("key", key);
        line.add("value", value);
        writer.write(line + "\n");
    }

    private static String fingerprintOf(String line) {
        return parse(line).filter(o -> o.has("fingerprint")).map(o -> o.get("fingerprint").getAsString()).orElse("");
    }

    private static Optional<JsonObject> parse(String line) {
        try {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            return o.has("fingerprint") || (o.has("key") && o.has("value")) ? Optional.of(o) : Optional.empty();
        } catch (JsonParseException | IllegalStateException e) {
            return Optional.empty(); // a line cut short by an interrupted run
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
