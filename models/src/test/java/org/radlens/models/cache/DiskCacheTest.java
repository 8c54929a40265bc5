package org.radlens.models.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DiskCacheTest {
    @TempDir
    Path tmp;

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anEntryIsFilledOnceAndThenReused() throws Exception {
        DiskCache cache = new DiskCache(tmp);
        Path a = cache.entry("area", "k1", dir -> Files.writeString(dir.resolve("f"), "first"));
        Path b = cache.entry("area", "k1", dir -> Files.writeString(dir.resolve("f"), "second"));
        assertEquals(a, b);
        assertEquals(tmp.resolve("area/k1"), a);
        assertEquals("first", Files.readString(a.resolve("f")));
        assertEquals(List.of("k1"), names(tmp.resolve("area")));
    }

    @Test
    void aFailingFillerLeavesNothing() throws Exception {
        DiskCache cache = new DiskCache(tmp);
        assertThrows(IOException.class, () -> cache.entry("area", "k", dir -> {
            Files.writeString(dir.resolve("half"), "x");
            throw new IOException("disk full");
        }));
        assertEquals(List.of(), names(tmp.resolve("area")));
    }

    @Test
    void racingFillersPublishOneEntryAndLeaveNoTemporaryFolder() throws Exception {
        DiskCache cache = new DiskCache(tmp);
        int n = 4;
        CountDownLatch allFilled = new CountDownLatch(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String text = "filler " + i;
                results.add(pool.submit(() -> cache.entry("area", "k", dir -> {
                    Files.writeString(dir.resolve("f"), text);
                    allFilled.countDown();
                    try {   // every filler has written its copy before any publishes: all but one must lose
                        allFilled.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })));
            }
            for (Future<Path> r : results) {
                assertEquals(tmp.resolve("area/k"), r.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("k"), names(tmp.resolve("area")));
        assertEquals(List.of("f"), names(tmp.resolve("area/k")));
    }

    @Test
    void namesMustBePlainFolderNames() {
        DiskCache cache = new DiskCache(tmp);
        for (String bad : new String[] {"", "..", ".tmp", "a/b", "a\\b"}) {
            assertThrows(IllegalArgumentException.class, () -> cache.path("area", bad), bad);
        }
    }

    @Test
    void theStandardCacheFollowsThePropertyFirst() {
        String old = System.getProperty(DiskCache.PROPERTY);
        try {
            System.setProperty(DiskCache.PROPERTY, tmp.toString());
            assertEquals(tmp, DiskCache.standard().root());
        } finally {
            if (old == null) {
                System.clearProperty(DiskCache.PROPERTY);
            } else {
                System.setProperty(DiskCache.PROPERTY, old);
            }
        }
    }
}
