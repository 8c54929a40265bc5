package org.radlens.models.volume;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.radlens.models.InferenceException;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.encode.ImageEncoder;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.Reslicing;
import org.radlens.volume3d.Volume;

/**
 * Feeds a volume's slices to the 2D encoder batch by batch: each worker copies out only its own batch of slices,
 * encodes it and hands every slice's embedding to the sink, so at most {@code threads·batchSize} slice copies exist
 * at once and the volume itself is never copied. The sink is called from worker threads with distinct slice indices;
 * the {@link SliceProgress} after each batch, one call at a time, and when it says stop no further batch starts.
 */
final class SliceStream {
    /** Receives one encoded slice. */
    interface Sink {
        void accept(int index, ImageEmbedding embedding) throws InferenceException;
    }

    private final ImageEncoder encoder;

    SliceStream(ImageEncoder encoder) {
        this.encoder = encoder;
    }

    void run(Volume v, VolumeOptions o, Sink sink) throws InferenceException {
        run(v, o, sink, SliceProgress.NONE);
    }

    void run(Volume v, VolumeOptions o, Sink sink, SliceProgress progress) throws InferenceException {
        int n = Reslicing.count(v, o.axis());
        Counter counter = new Counter(progress, n);
        if (o.threads() == 1) {
            for (int from = 0; from < n; from += o.batchSize()) {
                batch(v, o, from, Math.min(n, from + o.batchSize()), sink, counter);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(o.threads(), r -> {
            Thread t = new Thread(r, "radlens-volume-encoder");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> jobs = new ArrayList<>();
            for (int from = 0; from < n; from += o.batchSize()) {
                int a = from;
                int b = Math.min(n, from + o.batchSize());
                jobs.add(pool.submit(() -> {
                    batch(v, o, a, b, sink, counter);
                    return null;
                }));
            }
            await(jobs);
        } finally {
            pool.shutdownNow();
        }
    }

    private void batch(Volume v, VolumeOptions o, int from, int to, Sink sink, Counter counter)
            throws InferenceException {
        counter.checkNotStopped();
        List<Image2D> slices = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            slices.add(Reslicing.slice(v, o.axis(), i));
        }
        List<ImageEmbedding> out = encoder.encodeAll(slices);
        slices.clear();
        for (int i = from; i < to; i++) {
            sink.accept(i, out.get(i - from));
        }
        counter.add(to - from);
    }

    private static void await(List<Future<Void>> jobs) throws InferenceException {
        for (Future<Void> f : jobs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InferenceException("interrupted while encoding volume slices", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof VolumeEncodingStopped stopped) {
                    throw stopped;
                }
                if (c instanceof InferenceException ie) {
                    throw new InferenceException("a slice batch failed: " + ie.getMessage(), ie);
                }
                throw new InferenceException("a slice batch failed: " + c, c);
            }
        }
    }

    /** Slices done so far, reported to the listener one call at a time; remembers a request to stop. */
    private static final class Counter {
        private final SliceProgress progress;
        private final int total;
        private int done;
        private boolean stopped;

        Counter(SliceProgress progress, int total) {
            this.progress = progress;
            this.total = total;
        }

        synchronized void add(int slices) throws VolumeEncodingStopped {
            done += slices;
            if (!stopped && !progress.slicesDone(done, total)) {
                stopped = true;
            }
            if (done < total) { // a stop asked for after the last batch changes nothing
                checkNotStopped();
            }
        }

        synchronized void checkNotStopped() throws VolumeEncodingStopped {
            if (stopped) {
                throw new VolumeEncodingStopped(done, total);
            }
        }
    }
}
