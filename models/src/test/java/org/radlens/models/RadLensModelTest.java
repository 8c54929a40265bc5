package org.radlens.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.models.cache.DiskCache;
import org.radlens.models.encode.EncoderOptions;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.grounding.Grounding;
import org.radlens.models.testing.TestPackages;
import org.radlens.models.zeroshot.FindingScore;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.LabelMask;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The façade end to end on the tiny package: zip loading, batching, threads, results in the original geometry. */
class RadLensModelTest {
    @TempDir
    Path tmp;

    private static Image2D ref0() {
        return TestPackages.readGreyPng(TestPackages.dir("tiny").resolve("reference/ref0.png"));
    }

    private static Image2D wide() {
        return TestPackages.readGreyPng(TestPackages.dir("tiny").resolve("reference/synthetic16.png"));
    }

    @Test
    void opensAZippedPackageThroughTheCache() throws Exception {
        Path zip = tmp.resolve("tiny.zip");
        Path dir = TestPackages.dir("tiny");
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os);
             Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    z.putNextEntry(new ZipEntry(dir.relativize(p).toString()));
                    z.write(Files.readAllBytes(p));
                    z.closeEntry();
                }
            }
        }
        Path root;
        try (RadLensModel m = RadLensModel.open(zip)) {
            root = m.modelPackage().root();
            assertEquals(8, m.classifier().classify(ref0()).size());
            m.close();   // closing twice is harmless
        }
        assertTrue(root.startsWith(DiskCache.standard().root().resolve("packages")), root.toString());
        assertTrue(Files.isRegularFile(root.resolve("image_encoder.onnx")), "the unpacked copy stays for the next run");
    }

    @Test
    void batchesGiveTheSameAnswersAsSingleImages() throws Exception {
        try (RadLensModel m = RadLensModel.open(TestPackages.dir("tiny"), new EncoderOptions(2, 3, 1))) {
            List<Image2D> imgs = List.of(ref0(), wide(), ref0());
            List<ImageEmbedding> batch = m.imageEncoder().encodeAll(imgs);
            for (int i = 0; i < imgs.size(); i++) {
                assertArrayEquals(m.imageEncoder().encode(imgs.get(i)).embedding(), batch.get(i).embedding(), 1e-5f);
            }
            var batched = m.classifier().classifyAll(imgs, m.classifier().defaultFindings());
            assertEquals(3, batched.size());
            for (int i = 0; i < imgs.size(); i++) {
                var single = m.classifier().classify(imgs.get(i));
                for (int k = 0; k < single.size(); k++) {
                    assertEquals(single.get(k).probability(), batched.get(i).get(k).probability(), 1e-6);
                }
            }
            List<String> texts = List.of("pneumonia", "the lungs are clear", "left lung", "x", "opacity");
            var all = m.textEncoder().encode(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(m.textEncoder().encode(List.of(texts.get(i))).get(0).embedding(
                        org.radlens.models.encode.Stream.PATHOLOGY), all.get(i).embedding(
                        org.radlens.models.encode.Stream.PATHOLOGY), 1e-5f);
            }
        }
    }

    @Test
    void twoThreadsShareOneModelSafely() throws Exception {
        try (RadLensModel m = RadLensModel.open(TestPackages.dir("tiny"))) {
            List<FindingScore> expected = m.classifier().classify(wide());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<FindingScore>>> futures = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    futures.add(pool.submit(() -> m.classifier().classify(wide())));
                }
                for (Future<List<FindingScore>> f : futures) {
                    List<FindingScore> got = f.get();
                    for (int k = 0; k < got.size(); k++) {
                        assertEquals(expected.get(k).probability(), got.get(k).probability(), 1e-6);
                    }
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void twoThreadsTokeniseAndEncodeDifferentTextsSafely() throws Exception {
        try (RadLensModel m = RadLensModel.open(TestPackages.dir("tiny"))) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                texts.add("opacity number " + i + " in the " + (i % 2 == 0 ? "left" : "right") + " lung");
            }
            List<float[]> expected = new ArrayList<>();
            for (String t : texts) {
                expected.add(m.textEncoder().encode(List.of(t)).get(0).embedding(org.radlens.models.encode.Stream.PATHOLOGY));
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<float[]>> futures = new ArrayList<>();
                for (String t : texts) {
                    futures.add(pool.submit(() -> m.textEncoder().encode(List.of(t, "both lungs")).get(0)
                            .embedding(org.radlens.models.encode.Stream.PATHOLOGY)));
                }
                for (int i = 0; i < texts.size(); i++) {
                    assertArrayEquals(expected.get(i), futures.get(i).get(), 1e-5f, texts.get(i));
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void heatMapsBoxesAndMasksAreInTheOriginalGrid() throws Exception {
        try (RadLensModel m = RadLensModel.open(TestPackages.dir("tiny"))) {
            Image2D img = wide();
            Grounding g = m.grounder().locate(img, "pneumonia");
            assertEquals(430, g.map().width());
            assertEquals(600, g.map().height());
            assertEquals(img.geometry(), g.map().geometry());
            assertFalse(g.boxes().isEmpty());
            var b = g.boxes().get(0);
            assertTrue(b.x() >= 0 && b.y() >= 0 && b.x() + b.w() <= 430 && b.y() + b.h() <= 600, b.toString());
            assertTrue(b.score() >= g.threshold());
            LabelMask mask = m.segmenter().segment(img);
            assertEquals(430, mask.width());
            assertEquals(List.of("lungs"), mask.classNames());
            LabelMask fromMaps = m.segmenter().segment(img, List.of("left lung", "right lung"));
            assertEquals("thresholded grounding map", fromMaps.source());
            assertTrue(fromMaps.count(1) + fromMaps.count(2) > 0);
        }
    }
}
