package org.radlens.models.bench;

import org.radlens.models.RadLensModel;
import org.radlens.models.encode.EncoderOptions;
import org.radlens.models.testing.TestPackages;
import org.radlens.volume3d.Image2D;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Warm latency and throughput of classify / ground / segment, end to end per image (PNG decode + preprocess + encode +
 * scoring), at 1 and 2 worker threads sharing one model (one predictor per thread). Prints a Markdown table.
 *
 * <p>Usage: {@code ModelBenchmark PACKAGE SECONDS IMAGE.png...} (see models/README.md for the command).
 */
public final class ModelBenchmark {
    private interface Task {
        void run(RadLensModel m, Image2D image) throws Exception;
    }

    private ModelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path pkg = Path.of(args[0]);
        double seconds = Double.parseDouble(args[1]);
        List<Path> images = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            images.add(Path.of(args[i]));
        }
        System.out.println("| task | threads | min latency (ms) | median (ms) | p90 (ms) | throughput (img/s) |");
        System.out.println("|---|---|---|---|---|---|");
        for (int threads : new int[] {1, 2}) {
            try (RadLensModel m = RadLensModel.open(pkg, new EncoderOptions(8, 32, 1))) {
                bench("classify", threads, seconds, m, images, (model, im) -> model.classifier().classify(im));
                bench("ground", threads, seconds, m, images,
                        (model, im) -> model.grounder().locate(im, "pneumonia"));
                bench("segment", threads, seconds, m, images, (model, im) -> model.segmenter().segment(im));
            }
        }
    }

    private static void bench(String name, int threads, double seconds, RadLensModel m, List<Path> images, Task task)
            throws Exception {
        for (int i = 0; i < 5; i++) {
            task.run(m, TestPackages.readGreyPng(images.get(i % images.size())));   // warm-up
        }
        long end = System.nanoTime() + (long) (seconds * 1e9);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                List<Long> lat = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    task.run(m, TestPackages.readGreyPng(images.get(next.getAndIncrement() % images.size())));
                    lat.add(System.nanoTime() - t0);
                }
                return lat;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", name, threads,
                sorted[0] / 1e6, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.9)] / 1e6, sorted.length / elapsed);
    }
}
