package org.radlens.cli.score;

import org.radlens.dicomio.SourceImage;
import org.radlens.dicomio.dimse.DimseClient;
import org.radlens.dicomio.dimse.RemoteAe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * scored again). Other modalities are left alone. The received copy is deleted once handled.
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

    public ListenService(ScoringEngine engine, RemoteAe destination, String callingAet, Journal journal, Path out,
                         int workers) {
        this.engine = engine;
        this.destination = destination;
        this.callingAet = callingAet;
        this.journal = journal;
        this.dicomOut = out.resolve("dicom");
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(2 * workers), new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Objects handled so far (scored, failed or skipped). */
    public int handled() {
        return handled.get();
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
            ScoringEngine.Scored s = engine.score(id, file, true);
            List<Path> objects = new ArrayList<>();
            objects.add(write(s.row().srUid(), s.sr()));
            if (s.seg().length > 0) {
                objects.add(write(s.row().segUid(), s.seg()));
            }
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

    private Path write(String uid, byte[] bytes) throws IOException {
        Files.createDirectories(dicomOut);
        return Files.write(dicomOut.resolve(uid + ".dcm"), bytes);
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
    }
}
