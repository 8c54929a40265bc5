package org.radlens.pipeline.listen;

import org.radlens.dicomio.SourceImage;
import org.radlens.dicomio.dimse.DimseClient;
import org.radlens.dicomio.dimse.RemoteAe;
import org.radlens.dicomio.dimse.SopClasses;
import org.radlens.dicomio.tls.TlsSettings;
import org.radlens.pipeline.Journal;
import org.radlens.pipeline.ResultRow;
import org.radlens.pipeline.ScoreErrors;
import org.radlens.pipeline.Scored;
import org.radlens.pipeline.ScoringEngine;
import org.radlens.pipeline.UidClaims;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The work behind {@code radlens listen}: each received object goes through the engine's input gate; a CR/DX
 * chest radiograph is scored on a worker (bounded queue; a full queue holds the sending association back), its SR/SEG
 * written to {@code <out>/dicom} and C-STOREd to the destination, and a row recorded in the journal (id = SOP
 * Instance UID; an object already in the journal is not scored again). Other objects (CT, MR, SR, …) get a
 * {@code refused} row and nothing is sent. The received copy is deleted once handled, except after a transient
 * failure (a full disk, an unreachable destination): it stays in {@code incoming} and, like the copies left by a
 * killed run, is handled at the next start ({@link #requeueLeftovers}). Each object gets one log line per stage
 * ({@link ListenLog}: received, scored/skipped/failed, stored), without patient or instance identifiers.
 */
public final class ListenService implements AutoCloseable {
    /** Where results go by C-STORE: {@code peer} null for nowhere; {@code tls} null for plain TCP. */
    public record Destination(RemoteAe peer, String callingAet, TlsSettings tls) {
    }

    private final ScoringEngine engine;
    private final Destination destination;
    private final Journal journal;
    private final Path dicomOut;
    private final UidClaims claims;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger handled = new AtomicInteger();
    private final AtomicInteger arrivals = new AtomicInteger();
    private final int leftovers;

    /** Starts the workers and queues the leftovers of a killed run in {@code <out>/incoming} (before any arrival). */
    public ListenService(ScoringEngine engine, Destination destination, Journal journal, Path out, int workers)
            throws IOException {
        this.engine = engine;
        this.destination = destination;
        this.journal = journal;
        this.dicomOut = out.resolve("dicom");
        this.claims = UidClaims.in(out);
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(2 * workers), new ThreadPoolExecutor.CallerRunsPolicy());
        this.leftovers = requeueLeftovers(out.resolve("incoming"));
    }

    /** Files left in {@code incoming} by a killed run, queued at start. */
    public int leftovers() {
        return leftovers;
    }

    /** Objects handled so far (scored, failed or skipped). */
    public int handled() {
        return handled.get();
    }

    /**
     * Queues the files a previous run received but did not finish (it was killed): the sender already has its
     * C-STORE success, so they must not be lost. Returns how many.
     */
    private int requeueLeftovers(Path incoming) throws IOException {
        if (!Files.isDirectory(incoming)) {
            return 0;
        }
        List<Path> files;
        try (var s = Files.list(incoming)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        files.forEach(f -> received(f, null));
        return files.size();
    }

    /** Logs and queues a received file (named by its SOP Instance UID); {@code callingAet} null for a leftover. */
    public void received(Path file, String callingAet) {
        String item = ListenLog.item(arrivals.incrementAndGet(), SopClasses.ofFile(file),
                file.getFileName().toString());
        ListenLog.received(item, callingAet, file.toFile().length());
        pool.execute(() -> {
            try {
                handle(file, item);
            } catch (IOException e) {
                org.slf4j.LoggerFactory.getLogger(ListenService.class).error("journal: {}", e.getMessage());
            } finally {
                handled.incrementAndGet();
            }
        });
    }

    private void handle(Path file, String item) throws IOException {
        String id = file.getFileName().toString();
        long start = System.nanoTime();
        String stage = "scoring";
        ResultRow row;
        try {
            SourceImage src = SourceImage.read(file);
            id = src.sopInstanceUid();
            if (journal.isDone(id)) {
                ListenLog.skipped(item, "already scored (in the journal)");
                Files.deleteIfExists(file);
                return;
            }
            Scored s = engine.score(id, file, src, true, claims); // header already read
            List<Path> objects = s.writeTo(dicomOut);
            if (s.row().status() != ResultRow.Status.SCORED) {
                ListenLog.skipped(item, s.row().status().label() + " " + s.row().scope());
            } else {
                ListenLog.scored(item, millisSince(start));
            }
            if (destination.peer() != null && !objects.isEmpty()) {
                stage = "C-STORE";
                long sent = System.nanoTime();
                DimseClient.store(destination.peer(), destination.callingAet(), objects, destination.tls());
                ListenLog.stored(item, objects.size(), destination.peer().toString(), millisSince(sent));
            }
            row = s.row();
        } catch (Exception e) { // the batch's one catch-all: this object becomes an error row, the others go on
            ListenLog.failed(item, stage, millisSince(start));
            row = ScoreErrors.row(id, e);
        }
        if (row.isTransient()) { // kept in incoming: the next start retries it
            org.slf4j.LoggerFactory.getLogger(ListenService.class).warn("{}: {} (kept for a retry at the next start)",
                    item, row.error());
            return;
        }
        journal.record(row);
        Files.deleteIfExists(file);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
    }
}
