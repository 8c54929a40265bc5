package org.radlens.cli.score;

import org.radlens.dicomio.SourceImage;
import org.radlens.dicomio.dimse.DimseClient;
import org.radlens.dicomio.dimse.RemoteAe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The work behind {@code radlens listen}: each received CR/DX object is scored on a worker (bounded queue; a full
 * queue holds the sending association back), its SR/SEG written to {@code <out>/dicom} and C-STOREd to the
 * destination, and a row recorded in the journal (id = SOP Instance UID; an object already in the journal is not
 * scored again). Other modalities are left alone. The received copy is deleted once handled; copies left by a killed
 * run are handled at the next start ({@link #requeueLeftovers}).
 */
public final class ListenService implements AutoCloseable {
    private static final Set<String> MODALITIES = Set.of("CR", "DX");
    private final ScoringEngine engine;
    private final RemoteAe destination;
    private final String callingAet;
    private final Journal journal;
    private final Path dicomOut;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger handled = new AtomicInteger();
    private final int leftovers;

    /** Starts the workers and queues the leftovers of a killed run in {@code <out>/incoming} (before any arrival). */
    public ListenService(ScoringEngine engine, RemoteAe destination, String callingAet, Journal journal, Path out,
                         int workers) throws IOException {
        this.engine = engine;
        this.destination = destination;
        this.callingAet = callingAet;
        this.journal = journal;
        this.dicomOut = out.resolve("dicom");
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
        files.forEach(this::received);
        return files.size();
    }

    /** Queues a received file. */
    public void received(Path file) {
        pool.execute(() -> {
            try {
                handle(file);
            } catch (IOException e) {
                org.slf4j.LoggerFactory.getLogger(ListenService.class).error("journal: {}", e.getMessage());
            } finally {
                handled.incrementAndGet();
            }
        });
    }

    private void handle(Path file) throws IOException {
        String id = file.getFileName().toString();
        try {
            SourceImage src = SourceImage.read(file);
            id = src.sopInstanceUid();
            if (!MODALITIES.contains(src.header().modality()) || journal.isDone(id)) {
                return;
            }
            ScoringEngine.Scored s = engine.score(id, file, src, true); // header already read
            List<Path> objects = s.writeTo(dicomOut);
            if (destination != null) {
                DimseClient.store(destination, callingAet, objects);
            }
            journal.record(s.row());
        } catch (Exception e) { // the batch's one catch-all: this object becomes an error row, the others go on
            journal.record(ResultRow.failure(id, ScoreErrors.describe(e)));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
    }
}
