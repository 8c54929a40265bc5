package org.radlens.pipeline;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Append-only completion journal: one JSON line per finished item, forced to disk before {@link #record} returns.
 * On open, every complete line is read back; a torn last line (a kill during the write) is ignored and cut off, so
 * that item is simply done again. The first record of an id wins, so the journal never yields duplicates.
 * Transient failures ({@link ResultRow#isTransient()}) are never recorded, and error rows of older journals whose
 * message names a passing condition ("No space left on device") are dropped on open: both are retried. A write that
 * fails (a full disk) is cut back to the last complete line, so the journal stays readable. Thread-safe.
 */
public final class Journal implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final Map<String, ResultRow> done = new LinkedHashMap<>();

    private Journal(Path file) throws IOException {
        this.file = file;
        long valid = load();
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.truncate(valid);
        channel.position(valid);
    }

    /** Opens (creating if needed) the journal at {@code file}. */
    public static Journal open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return new Journal(file);
    }

    private long load() throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(file);
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                parse(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return start; // bytes after the last newline are a torn record
    }

    private void parse(String line) throws IOException {
        try {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            ResultRow r = ResultRow.fromJson(o);
            if (!(r.failed() && ScoreErrors.isTransientMessage(r.error()))) {
                done.putIfAbsent(r.id(), r);
            }
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException e) {
            throw new IOException(file + ": corrupt journal line (not a torn tail): " + line, e);
        }
    }

    /** True when {@code id} finished in this or an earlier run. */
    public synchronized boolean isDone(String id) {
        return done.containsKey(id);
    }

    /** Appends and fsyncs the row; a second record for the same id is ignored. */
    public synchronized void record(ResultRow row) throws IOException {
        recordAll(List.of(row));
    }

    /**
     * Appends the rows whose ids are not finished yet (the first of repeated ids wins) with one fsync for all of
     * them; returns how many were new.
     */
    public synchronized int recordAll(List<ResultRow> rows) throws IOException {
        StringBuilder lines = new StringBuilder();
        Map<String, ResultRow> fresh = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            if (!r.isTransient() && !done.containsKey(r.id()) && fresh.putIfAbsent(r.id(), r) == null) {
                lines.append(r.toJson()).append('\n');
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        ByteBuffer buf = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        long start = channel.position();
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            cutBack(start, e);
            throw e;
        }
        done.putAll(fresh);
        return fresh.size();
    }

    /** Removes a partly written record, so that later records do not follow a torn line. */
    private void cutBack(long start, IOException cause) {
        try {
            channel.truncate(start);
            channel.position(start);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Every finished row, in completion order. */
    public synchronized List<ResultRow> rows() {
        return new ArrayList<>(done.values());
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
