package org.radlens.validation.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.radlens.dicomio.ImageFiles;
import org.radlens.models.InferenceException;
import org.radlens.models.ModelLoadException;
import org.radlens.models.RadLensModel;
import org.radlens.models.encode.EncoderOptions;
import org.radlens.volume3d.Image2D;

/**
 * The Java side of {@code radlens bench infer}: warm latency and throughput of classify / ground ("pneumonia") /
 * segment, end to end per image (decode through dicom-io + preprocess + encode + scoring), with 1 and N worker
 * threads sharing one model, one ONNX Runtime intra-op thread per call (the service layout of ARCHITECTURE.md).
 */
public final class InferBench {
    /** The three end-to-end tasks. */
    public enum Task {
        CLASSIFY, GROUND, SEGMENT;

        double run(RadLensModel m, Image2D im) throws InferenceException {
            return switch (this) {
                case CLASSIFY -> m.classifier().classify(im).size();
                case GROUND -> m.grounder().locate(im, "pneumonia").hashCode();
                case SEGMENT -> m.segmenter().segment(im).hashCode();
            };
        }

        /** Workload name shared with the peer: {@code classify threads=N}. */
        public String workload(int threads) {
            return name().toLowerCase(java.util.Locale.ROOT) + " threads=" + threads;
        }
    }

    /** Latency per image and images per second over the whole timed run. */
    public record Result(Timing latency, double imagesPerSecond) {
    }

    private InferBench() {
    }

    public static List<Result> run(InferSettings s) throws ModelLoadException, InferenceException {
        List<Result> out = new ArrayList<>();
        try (RadLensModel m = RadLensModel.open(s.modelPackage(), new EncoderOptions(1, 32, 1))) {
            for (int threads : s.threadCounts()) {
                for (Task t : Task.values()) {
                    out.add(measure(m, t, threads, s));
                }
            }
        }
        return out;
    }

    private static Result measure(RadLensModel m, Task task, int threads, InferSettings s) throws InferenceException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                futures.add(pool.submit(() -> loop(m, task, s, s.warmup())));
            }
            join(futures);
            futures.clear();
            long t0 = System.nanoTime();
            for (int w = 0; w < threads; w++) {
                futures.add(pool.submit(() -> loop(m, task, s, s.repetitions())));
            }
            List<double[]> lat = join(futures);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double[] all = lat.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
            return new Result(Timer.summarize(task.workload(threads), "java " + Runtime.version().feature()
                    + " onnxruntime", all), all.length / seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[] loop(RadLensModel m, Task task, InferSettings s, int n) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            task.run(m, ImageFiles.readImage2D(s.images().get(i % s.images().size())));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    private static List<double[]> join(List<Future<double[]>> futures) throws InferenceException {
        List<double[]> out = new ArrayList<>();
        try {
            for (Future<double[]> f : futures) {
                out.add(f.get());
            }
        } catch (ExecutionException e) {
            throw new InferenceException("benchmark task failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceException("interrupted", e);
        }
        return out;
    }
}
