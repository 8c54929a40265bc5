package org.radlens.cli.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under {@code --out} (a tmpfs too small for the run, as root; skipped with a message where mounting is
 * not permitted): the first run scores what fits, reports the rest as transient (exit 1) and leaves no {@code *.tmp};
 * after the tmpfs is enlarged the rerun scores every remaining item, each item is in the results exactly once, every
 * SR/SEG exists, and it exits 0.
 */
class FullDiskTest {
    static final int ITEMS = 10;
    @TempDir
    Path tmp;

    @Test
    void transientDiskFullFailuresAreRetriedByTheRerunAndNoTempFileRemains() throws Exception {
        List<Path> inputs = Fixtures.instances(tmp.resolve("in"), ITEMS);
        String[] probeArgs = args(tmp.resolve("in"), tmp.resolve("probe"));
        InputGateScoringTest.run(0, probeArgs);
        long needed = pagesUsed(tmp.resolve("probe"));
        Path mnt = Files.createDirectories(tmp.resolve("mnt"));
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=" + (needed / 2 / 1024) + "k", "tmpfs", mnt.toString()),
                "cannot mount a tmpfs here (needs root / CAP_SYS_ADMIN): the full-disk test is skipped");
        try {
            Path out = mnt.resolve("out");
            String first = InputGateScoringTest.run(1, args(tmp.resolve("in"), out));
            assertTrue(first.contains("transient (retried by the next run)"), first);
            assertEquals(List.of(), tmpFiles(mnt), "no temporary file after a failed run");
            assertTrue(sh("mount", "-o", "remount,size=" + (4 * needed / 1024) + "k", mnt.toString()), "remount");
            String second = InputGateScoringTest.run(0, args(tmp.resolve("in"), out));
            assertTrue(second.contains(" 0 failed, ") && second.contains(" 0 transient;"), second);
            Map<String, Map<String, String>> r = InputGateScoringTest.results(out);
            assertEquals(ITEMS, r.size());
            assertTrue(r.values().stream().allMatch(m -> m.get("status").equals("scored")), r.toString());
            List<String> journalIds = Files.readAllLines(out.resolve("journal.jsonl")).stream()
                    .map(l -> com.google.gson.JsonParser.parseString(l).getAsJsonObject().get("id").getAsString())
                    .toList();
            assertEquals(ITEMS, journalIds.size(), "each item journaled exactly once: " + journalIds);
            assertEquals(ITEMS, java.util.Set.copyOf(journalIds).size());
            for (Map<String, String> row : r.values()) {
                assertTrue(Files.isRegularFile(out.resolve("dicom/" + row.get("sr_uid") + ".dcm")), row.toString());
                assertTrue(Files.isRegularFile(out.resolve("dicom/" + row.get("seg_uid") + ".dcm")), row.toString());
            }
            assertEquals(List.of(), tmpFiles(mnt));
            assertEquals(inputs.size(), ITEMS);
        } finally {
            if (!sh("umount", mnt.toString())) {
                sh("umount", "-l", mnt.toString()); // busy (a late reader): detach, so the folder can be deleted
            }
        }
    }

    private static String[] args(Path in, Path out) {
        return new String[] {"score", in.toString(), "--out", out.toString(), "--write-dicom", "--segment",
            "--workers", "2"};
    }

    /** Bytes the folder's files take on a tmpfs (whole 4 KiB pages per file). */
    private static long pagesUsed(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            long total = 0;
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                total += (Files.size(p) + 4095) / 4096 * 4096;
            }
            return total;
        }
    }

    private static List<Path> tmpFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().contains(".tmp")).toList();
        }
    }

    private static boolean sh(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
