package org.radlens.spark;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.radlens.pipeline.Journal;
import org.radlens.pipeline.ResultRow;

/**
 * The Spark engine's commit protocol (the journal idea, not Spark's output committer). Each task attempt writes its
 * partition's rows to {@code <dir>/<run>/part-<p>.attempt-<a>.tmp} and fsyncs it; it then commits by hard-linking
 * that file to {@code part-<p>.jsonl}, which fails if the name exists, so the first finished attempt of a partition
 * wins and a retried or speculative duplicate is discarded. Uncommitted files are never read. The driver
 * {@link #mergeInto merges} every committed file (of this and of earlier, killed runs) into the run's
 * {@link Journal}, which keeps the first row of each id, then deletes them: each item is in the results exactly once.
 * {@code dir} must be visible to the driver and every executor (a local disk in local mode, NFS on a cluster).
 */
public final class PartitionJournals {
    private PartitionJournals() {
    }

    /** Writes and commits one attempt's rows; returns false when another attempt of the partition committed first. */
    public static boolean commit(Path dir, String run, int partition, int attempt, List<ResultRow> rows)
            throws IOException {
        Path runDir = Files.createDirectories(dir.resolve(run));
        Path tmp = runDir.resolve(String.format("part-%05d.attempt-%d.tmp", partition, attempt));
        StringBuilder sb = new StringBuilder();
        rows.forEach(r -> sb.append(r.toJson()).append('\n'));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        try {
            Files.createLink(runDir.resolve(String.format("part-%05d.jsonl", partition)), tmp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false; // a speculative or earlier attempt committed this partition: its rows stand
        } finally {
            Files.delete(tmp);
        }
    }

    /** Rows of every committed partition file under {@code dir}, in file-name order. */
    public static List<ResultRow> committed(Path dir) throws IOException {
        List<ResultRow> rows = new ArrayList<>();
        for (Path f : committedFiles(dir)) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                try {
                    rows.add(ResultRow.fromJson(JsonParser.parseString(line).getAsJsonObject()));
                } catch (JsonParseException | IllegalStateException | NullPointerException e) {
                    throw new IOException(f + ": corrupt committed partition journal line: " + line, e);
                }
            }
        }
        return rows;
    }

    /**
     * Records every committed row into {@code journal} (duplicates of an id are ignored there), then deletes the
     * partition journals; returns how many rows were new to the journal.
     */
    public static int mergeInto(Path dir, Journal journal) throws IOException {
        int added = journal.recordAll(committed(dir)); // one fsync for the whole merge
        deleteAll(dir);
        return added;
    }

    private static List<Path> committedFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("part-\\d+\\.jsonl")).sorted().toList();
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
